package io.multistep.runner;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.multistep.engine.RunEvent;
import io.multistep.engine.RunListener;
import io.multistep.engine.SecretMasker;
import java.io.PrintStream;
import java.util.Locale;

/**
 * {@code --output json}: one JSON object per event, one per line on stdout, so CI tools can follow a
 * run with a line reader. Every object has {@code event}, {@code runId} and {@code time}.
 */
final class JsonEventOutput implements RunListener {

    private final PrintStream out;
    private volatile SecretMasker masker = SecretMasker.none();

    JsonEventOutput(PrintStream out) {
        this.out = out;
    }

    @Override
    public void onEvent(RunEvent event) {
        ObjectNode node = Reports.JSON.createObjectNode();
        if (event instanceof RunEvent.RunStarted e) {
            masker = e.masker();
            header(node, "runStarted", e.runId(), e.time());
            e.stepIds().forEach(node.putArray("steps")::add);
        } else if (event instanceof RunEvent.StepStarted e) {
            header(node, "stepStarted", e.runId(), e.time());
            node.put("step", e.stepId());
            node.put("kind", e.kind().key());
            node.put("timeoutSeconds", e.timeout().toSeconds());
        } else if (event instanceof RunEvent.ContainerStarted e) {
            header(node, "containerStarted", e.runId(), e.time());
            node.put("step", e.stepId());
            node.put("container", e.containerId());
            node.put("iteration", e.iteration());
            node.put("attempt", e.attempt());
        } else if (event instanceof RunEvent.LogLine e) {
            header(node, "log", e.runId(), e.time());
            node.put("step", e.stepId());
            node.put("stream", e.stream().name().toLowerCase(Locale.ROOT));
            node.put("text", e.text());
        } else if (event instanceof RunEvent.StepRetried e) {
            header(node, "stepRetried", e.runId(), e.time());
            node.put("step", e.stepId());
            node.put("iteration", e.iteration());
            node.put("failedAttempt", e.failedAttempt());
            node.put("error", e.error());
            node.put("delaySeconds", e.delay().toMillis() / 1000.0);
        } else if (event instanceof RunEvent.StepFinished e) {
            header(node, "stepFinished", e.runId(), e.time());
            node.put("step", e.result().id());
            ObjectNode report = Reports.runReportStep(e.result());
            node.setAll(report);
            node.put("step", e.result().id());
        } else if (event instanceof RunEvent.RunFinished e) {
            header(node, "runFinished", e.runId(), e.time());
            node.setAll(Reports.runReport(e.result()));
        }
        try {
            String line = Reports.JSON.writeValueAsString(Reports.masked(node, masker));
            synchronized (out) {
                out.println(line);
                out.flush();
            }
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static void header(ObjectNode node, String kind, String runId, java.time.Instant time) {
        node.put("event", kind);
        node.put("runId", runId);
        node.put("time", time.toString());
    }
}
