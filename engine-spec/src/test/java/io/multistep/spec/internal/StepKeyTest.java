package io.multistep.spec.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.multistep.spec.Problem;
import io.multistep.spec.TaskFiles;
import org.junit.jupiter.api.Test;

/** The step-key table holds graph.Step's yaml tags, and the reader decodes every one of them. */
class StepKeyTest {

    @Test
    void theTableHoldsExactlyTheReferenceStepKeysInItsOrder() {
        assertThat(StepKey.KNOWN).containsExactly("id", "cmd", "build", "push", "when", "env",
                "workingDirectory", "entryPoint", "user", "network", "isolation", "cpus", "ports", "expose",
                "privileged", "keep", "detach", "disableWorkingDirectoryOverride", "pull", "cmdDownloadRetries",
                "cmdDownloadRetryDelay", "timeout", "startDelay", "retries", "retryDelay", "retryOnErrors", "repeat",
                "ignoreErrors", "cache", "volumeMounts", "exitedWith", "exitedWithout");
        assertThat(StepKey.HIDDEN).contains("tags").doesNotContainAnyElementsOf(StepKey.KNOWN);
    }

    @Test
    void aValueOfTheWrongTypeIsReportedForEveryKindOfKey() {
        for (StepKey k : StepKey.values()) {
            String text = "steps:\n  - cmd: x\n    " + k.key + ": {a: b}\n";
            if (k == StepKey.CMD) {
                text = "steps:\n  - build: .\n    cmd: {a: b}\n";
            }
            var problems = TaskFiles.loader().build().load(text, "acb.yaml").problems();
            assertThat(problems).as(k.key).extracting(Problem::toString)
                    .anySatisfy(p -> assertThat(p).startsWith("acb.yaml:3:").contains("cannot unmarshal"));
        }
    }
}
