package io.multistep.runner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.multistep.engine.RunResult;
import io.multistep.engine.SecretMasker;
import io.multistep.engine.RunStatus;
import io.multistep.engine.StepFailure;
import io.multistep.engine.StepResult;
import io.multistep.engine.StepStatus;
import io.multistep.engine.spi.ImageRecord;
import io.multistep.spec.StepKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/** The JSON run report and the JUnit XML report of synthetic results, checked against their schemas. */
class ReportsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant T0 = Instant.parse("2024-03-05T07:08:09.123456789Z");

    @TempDir
    Path dir;

    static StepResult ran(String id, StepKind kind, StepStatus status, int exit, Optional<StepFailure> failure,
            List<ImageRecord> images, List<String> tail) {
        return new StepResult(id, kind, status, exit < 0 ? OptionalInt.empty() : OptionalInt.of(exit), 1,
                Optional.of(T0), Optional.of(T0.plusMillis(1500)), Duration.ofMillis(1500), failure, images,
                List.of(), tail);
    }

    static RunResult mixed() {
        return new RunResult("run-1", RunStatus.FAILED, Optional.of("failed to run step ID: boom: exit status 3"),
                List.of(
                        ran("ok", StepKind.CMD, StepStatus.SUCCEEDED, 0, Optional.empty(), List.of(), List.of("fine")),
                        ran("img", StepKind.BUILD, StepStatus.SUCCEEDED, 0, Optional.empty(),
                                List.of(new ImageRecord("127.0.0.1:5000/app:1", "sha256:abc", false)), List.of()),
                        ran("ign", StepKind.CMD, StepStatus.FAILURE_IGNORED, 1,
                                Optional.of(new StepFailure("exit status 1", StepFailure.Reason.EXIT_CODE, Optional.empty())),
                                List.of(), List.of()),
                        ran("boom", StepKind.CMD, StepStatus.FAILED, 3,
                                Optional.of(new StepFailure("exit status 3", StepFailure.Reason.EXIT_CODE, Optional.empty())),
                                List.of(), List.of("dying <&> \"quoted\" ]]> end", "\u001b[31mred\u001b[0m bell\u0007")),
                        StepResult.skipped("push", StepKind.PUSH)),
                T0, T0.plusSeconds(4), Duration.ofSeconds(4));
    }

    @Test
    void runReportOfAMixedRunMatchesTheSchema() {
        JsonNode report = Reports.runReport(mixed());
        assertThat(ReportValidation.runReportProblems(report)).isEmpty();
        assertThat(report.get("status").asText()).isEqualTo("failed");
        assertThat(report.get("failure").asText()).isEqualTo("failed to run step ID: boom: exit status 3");
        JsonNode steps = report.get("steps");
        assertThat(steps).hasSize(5);
        assertThat(steps.get(3).get("exitCode").asInt()).isEqualTo(3);
        assertThat(steps.get(3).get("failure").get("reason").asText()).isEqualTo("exit_code");
        assertThat(steps.get(4).get("status").asText()).isEqualTo("skipped");
        assertThat(steps.get(4).get("exitCode").isNull()).isTrue();
        assertThat(steps.get(4).has("startedAt")).isFalse();
        assertThat(steps.get(1).get("images").get(0).get("action").asText()).isEqualTo("built");
    }

    @Test
    void theSchemaRejectsWhatIsNotAReport() throws Exception {
        assertThat(ReportValidation.runReportProblems(JSON.readTree("{}"))).isNotEmpty();
        JsonNode report = Reports.runReport(mixed());
        ((com.fasterxml.jackson.databind.node.ObjectNode) report.get("steps").get(0)).put("status", "fine");
        assertThat(ReportValidation.runReportProblems(report)).anyMatch(m -> m.contains("status"));
    }

    @Test
    void writtenRunReportIsValidJsonFile() throws Exception {
        Path file = dir.resolve("sub/report.json");
        Reports.writeRunReport(mixed(), SecretMasker.none(), file);
        JsonNode read = JSON.readTree(Files.readString(file));
        assertThat(ReportValidation.runReportProblems(read)).isEmpty();
    }

    @Test
    void junitOfAMixedRunMatchesTheXsd() throws Exception {
        Path file = dir.resolve("junit.xml");
        Reports.writeJunit(mixed(), "suite", SecretMasker.none(), file);
        ReportValidation.validateJunit(file);
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(file.toFile());
        Element suite = doc.getDocumentElement();
        assertThat(suite.getAttribute("tests")).isEqualTo("5");
        assertThat(suite.getAttribute("failures")).isEqualTo("1");
        assertThat(suite.getAttribute("skipped")).isEqualTo("1");
        assertThat(suite.getAttribute("errors")).isEqualTo("0");
        assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(5);
        Element failure = (Element) doc.getElementsByTagName("failure").item(0);
        assertThat(failure.getAttribute("message")).isEqualTo("exit status 3");
        assertThat(failure.getTextContent()).startsWith("dying <&> \"quoted\" ]]> end\n").contains("red");
        assertThat(doc.getElementsByTagName("skipped").getLength()).isEqualTo(1);
    }

    @Test
    void junitXsdRejectsAMalformedReport() throws Exception {
        Path file = dir.resolve("bad.xml");
        Files.writeString(file, "<testsuite name=\"x\" tests=\"many\" failures=\"0\" errors=\"0\"/>", StandardCharsets.UTF_8);
        assertThatThrownBy(() -> ReportValidation.validateJunit(file)).isInstanceOf(SAXException.class);
    }

    @Test
    void xmlTextDropsTerminalEscapesAndReplacesCharactersXmlCannotHold() {
        assertThat(Reports.xmlText("\u001b[1;31mred\u001b[0m bell\u0007 nul\u0000 tab\t ok"))
                .isEqualTo("red bell\uFFFD nul\uFFFD tab\t ok");
        assertThat(Reports.xmlText("\u001b]0;title\u0007after")).isEqualTo("after");
        assertThat(Reports.xmlText("emoji \uD83D\uDE00 lone \uD83D.")).isEqualTo("emoji \uD83D\uDE00 lone \uFFFD.");
        assertThat(Reports.xmlText("plain")).isEqualTo("plain");
    }

    @Test
    void dependenciesJsonIsACompactArray() {
        assertThat(Reports.dependenciesJson(List.of())).isEqualTo("[]");
    }
}
