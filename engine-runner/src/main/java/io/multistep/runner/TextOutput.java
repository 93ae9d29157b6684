package io.multistep.runner;

import io.multistep.engine.RunEvent;
import io.multistep.engine.RunListener;
import io.multistep.engine.RunResult;
import io.multistep.engine.SecretMasker;
import io.multistep.engine.StepResult;
import io.multistep.engine.spi.ImageRecord;
import io.multistep.engine.spi.StepOutput;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Prints a run for people: every container line prefixed with its step id (coloured per step on a
 * terminal), a line when a step starts, when its container starts, on each retry and when it ends,
 * a periodic "still running" line for a silent step, and a summary table at the end.
 *
 * <p>Container output goes to stdout (stderr lines to stderr), runner messages to stderr, as the
 * reference does, so that piping stdout keeps only what the steps printed.
 */
final class TextOutput implements RunListener, AutoCloseable {

    private static final String[] COLOURS = {"\u001b[36m", "\u001b[33m", "\u001b[35m", "\u001b[32m", "\u001b[34m",
        "\u001b[91m", "\u001b[96m", "\u001b[93m"};
    private static final String RESET = "\u001b[0m";

    private final PrintStream out;
    private final PrintStream err;
    private final boolean colour;
    private final boolean quiet;
    private final Duration silenceInterval;
    private final Map<String, String> colourOf = new HashMap<>();
    private final Map<String, io.multistep.spec.Step> stepOptions = new HashMap<>();
    private final Map<String, Instant> lastActivity = new ConcurrentHashMap<>();
    private final Map<String, Instant> startedAt = new ConcurrentHashMap<>();
    private final ScheduledExecutorService ticker;
    private int width = 4;
    private volatile SecretMasker masker = SecretMasker.none();

    TextOutput(PrintStream out, PrintStream err, boolean colour, boolean quiet, Duration silenceInterval) {
        this.out = out;
        this.err = err;
        this.colour = colour;
        this.quiet = quiet;
        this.silenceInterval = silenceInterval;
        this.ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "multistep-still-running");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, silenceInterval.toMillis());
        ticker.scheduleAtFixedRate(this::reportSilentSteps, every, every, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void runStarted(RunEvent.RunStarted e) {
        masker = e.masker();
        e.task().steps().forEach(s -> stepOptions.put(s.id(), s));
        int i = 0;
        for (String id : e.stepIds()) {
            colourOf.put(id, COLOURS[i++ % COLOURS.length]);
            width = Math.max(width, id.length());
        }
        note("Run ID: " + e.runId() + " started with " + e.stepIds().size() + " step(s)");
    }

    @Override
    public synchronized void stepStarted(RunEvent.StepStarted e) {
        startedAt.put(e.stepId(), e.time());
        lastActivity.put(e.stepId(), e.time());
        // The reference's own line, so that logs read the same with either runner.
        io.multistep.spec.Step o = stepOptions.get(e.stepId());
        note("Executing step ID: " + e.stepId() + ". Timeout(sec): " + e.timeout().toSeconds()
                + ", Working directory: '" + (o == null ? "" : o.reportedWorkingDirectory()) + "', Network: '"
                + (o == null ? "" : o.reportedNetwork()) + "'");
    }

    @Override
    public synchronized void containerStarted(RunEvent.ContainerStarted e) {
        lastActivity.put(e.stepId(), e.time());
        String id = e.containerId().length() > 12 ? e.containerId().substring(0, 12) : e.containerId();
        note("Step ID: " + e.stepId() + ": container " + id + " started"
                + (e.attempt() > 0 ? " (attempt " + (e.attempt() + 1) + ")" : "")
                + (e.iteration() > 0 ? " (repeat " + e.iteration() + ")" : ""));
    }

    @Override
    public synchronized void logLine(RunEvent.LogLine e) {
        lastActivity.put(e.stepId(), e.time());
        if (quiet) {
            return;
        }
        PrintStream target = e.stream() == StepOutput.Stream.STDERR ? err : out;
        target.println(prefix(e.stepId()) + e.text());
    }

    @Override
    public synchronized void stepRetried(RunEvent.StepRetried e) {
        lastActivity.put(e.stepId(), e.time());
        note("Step ID: " + e.stepId() + " failed attempt " + (e.failedAttempt() + 1) + ": " + e.error()
                + "; retrying in " + seconds(e.delay()) + "s");
    }

    @Override
    public synchronized void stepFinished(RunEvent.StepFinished e) {
        StepResult r = e.result();
        lastActivity.remove(r.id());
        startedAt.remove(r.id());
        if (r.startedAt().isEmpty()) {
            return; // skipped: the summary says so
        }
        String how = switch (r.status()) {
            case SUCCEEDED -> "succeeded";
            case FAILURE_IGNORED -> "failed (error ignored)";
            case FAILED -> "failed";
            case TIMED_OUT -> "timed out";
            case CANCELLED -> "was cancelled";
            case SKIPPED -> "was skipped";
        };
        note("Step ID: " + r.id() + " " + how + " in " + seconds(r.duration()) + "s"
                + r.failure().map(f -> ": " + f.message()).orElse(""));
    }

    @Override
    public synchronized void runFinished(RunEvent.RunFinished e) {
        printSummary(e.result());
    }

    /** The reference's summary lines and dependency report, then the summary table, in task-file order. */
    synchronized void printSummary(RunResult result) {
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"STEP", "STATUS", "EXIT", "ATTEMPTS", "DURATION", "IMAGES"});
        for (StepResult s : result.steps()) {
            rows.add(new String[] {s.id(), s.status().name().toLowerCase(Locale.ROOT),
                s.exitCode().isPresent() ? Integer.toString(s.exitCode().getAsInt()) : "-",
                Integer.toString(s.attempts()), s.startedAt().isPresent() ? seconds(s.duration()) + "s" : "-",
                images(s.images())});
        }
        int[] w = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                w[i] = Math.max(w[i], row[i].length());
            }
        }
        err.println();
        // The reference's lines (execution.md §11): each step's line in file order, and after a
        // successful run the digest lines of build steps and the dependency report. The report's
        // second line is Go's log.Println("\n" + json): an empty line, then the JSON.
        for (StepResult s : result.steps()) {
            errLine(s.summaryLine());
            if (result.succeeded() && !s.dependencies().isEmpty()) {
                errLine("Populating digests for step ID: " + s.id() + "...");
                errLine("Successfully populated digests for step ID: " + s.id());
            }
        }
        if (result.succeeded() && !result.dependencies().isEmpty()) {
            errLine("The following dependencies were found:");
            err.println();
            errLine(Reports.dependenciesJson(result.dependencies()));
        }
        err.println();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < row.length; i++) {
                line.append(i == row.length - 1 ? row[i] : String.format("%-" + (w[i] + 2) + "s", row[i]));
            }
            errLine(line.toString().stripTrailing());
        }
        err.println();
        errLine("Run ID: " + result.runId() + " " + result.status().name().toLowerCase(Locale.ROOT).replace('_', ' ')
                + " after " + seconds(result.duration()) + "s"
                + result.failureMessage().map(m -> ": " + m).orElse(""));
        err.flush();
        out.flush();
    }

    private void reportSilentSteps() {
        Instant now = Instant.now();
        for (Map.Entry<String, Instant> entry : lastActivity.entrySet()) {
            if (Duration.between(entry.getValue(), now).compareTo(silenceInterval) >= 0) {
                Instant start = startedAt.getOrDefault(entry.getKey(), entry.getValue());
                synchronized (this) {
                    note("Step ID: " + entry.getKey() + " still running (" + Duration.between(start, now).toSeconds()
                            + "s)");
                }
                entry.setValue(now);
            }
        }
    }

    private String images(List<ImageRecord> images) {
        List<String> parts = new ArrayList<>();
        for (ImageRecord image : images) {
            String digest = image.digest().isEmpty() ? "" : "@" + shortDigest(image.digest());
            parts.add((image.pushed() ? "pushed " : "built ") + image.reference() + digest);
        }
        return parts.isEmpty() ? "-" : String.join(", ", parts);
    }

    private static String shortDigest(String digest) {
        int colon = digest.indexOf(':');
        return digest.length() > colon + 13 ? digest.substring(0, colon + 13) : digest;
    }

    private String prefix(String stepId) {
        String label = String.format("%-" + width + "s | ", stepId);
        return colour ? colourOf.getOrDefault(stepId, COLOURS[0]) + label + RESET : label;
    }

    private void note(String text) {
        errLine(text);
    }

    /** A runner line on stderr: it may quote the task (a working directory, an image), so it is masked. */
    private void errLine(String text) {
        err.println(masker.mask(text));
    }

    static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.3f", d.toNanos() / 1e9);
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
