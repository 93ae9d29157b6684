package io.multistep.docker.conformance;

import static io.multistep.docker.conformance.ConformanceRuns.IMG;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.multistep.docker.testing.DockerTestEnvironment;
import io.multistep.engine.RunResult;
import io.multistep.engine.StepStatus;
import io.multistep.engine.testing.RecordingListener;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** A run's teardown warns only about real trouble: not about what is gone already or kept on purpose. */
@ExtendWith(DockerTestEnvironment.class)
class QuietTeardownIT {
    @RegisterExtension
    static final ConformanceRuns runs = new ConformanceRuns();

    private final Logger logger = (Logger) LoggerFactory.getLogger("io.multistep.docker");
    private final ListAppender<ILoggingEvent> events = new ListAppender<>();

    @BeforeEach
    void capture() {
        events.start();
        logger.addAppender(events);
    }

    @AfterEach
    void release() {
        logger.detachAppender(events);
    }

    private List<String> warnings(String runId) {
        return events.list.stream().filter(e -> e.getLevel().isGreaterOrEqual(Level.WARN))
                .map(ILoggingEvent::getFormattedMessage).filter(m -> m.contains(runId)).toList();
    }

    @Test
    void aStepTimeoutRemovesItsContainerWithoutAWarning(@TempDir Path ctx) {
        String runId = runs.env().newRunId();
        String task = """
                steps:
                  - id: slow
                    cmd: %s sleep 30
                    timeout: 2
                """.formatted(IMG);
        RunResult r = runs.run(task, ctx, runId, new RecordingListener(), b -> { });
        assertThat(r.step("slow").status()).isEqualTo(StepStatus.TIMED_OUT);
        assertThat(warnings(runId)).isEmpty();
    }

    @Test
    void aKeptContainersVolumesStayWithoutAWarning(@TempDir Path ctx) {
        String runId = runs.env().newRunId();
        String task = """
                steps:
                  - id: kept
                    cmd: %s echo kept
                    keep: true
                """.formatted(IMG);
        try {
            RunResult r = runs.runKeeping(task, ctx, runId, new RecordingListener(), b -> { });
            assertThat(r.succeeded()).as("%s", r).isTrue();
            assertThat(runs.leftovers(runId)).anyMatch(s -> s.contains("kept-")).anyMatch(s -> s.contains("acb_home-"));
            assertThat(warnings(runId)).isEmpty();
        } finally {
            Cleanup.run(runs.env().client(), runs, runId);
        }
    }
}
