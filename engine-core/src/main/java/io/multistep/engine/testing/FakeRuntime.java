package io.multistep.engine.testing;

import io.multistep.engine.spi.ContainerRuntime;
import io.multistep.engine.spi.ImageDependency;
import io.multistep.engine.spi.ImageRecord;
import io.multistep.engine.spi.RunSetup;
import io.multistep.engine.spi.RuntimeFailure;
import io.multistep.engine.spi.RuntimeSession;
import io.multistep.engine.spi.StepAttempt;
import io.multistep.engine.spi.StepOutcome;
import io.multistep.engine.spi.StepOutput;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apiguardian.api.API;

/**
 * A scripted {@link ContainerRuntime} for tests: each step id gets a {@link StepScript} saying what
 * its attempts print, how long they take and how they end; every call is recorded.
 *
 * <pre>{@code
 * FakeRuntime fake = new FakeRuntime();
 * fake.step("build").printsLines("a", "b").exitsWith(0).after(Duration.ofMillis(20));
 * fake.step("flaky").exitCodes(1, 1, 0);
 * fake.step("server").hangs();
 * fake.step("pull").failsWith(RuntimeFailure.Kind.IMAGE_NOT_FOUND, "no such image");
 * Engine engine = Engine.builder().runtime(fake).build();
 * ...
 * assertThat(fake.stops()).containsExactly("server");
 * assertThat(fake.sessionClosed()).isTrue();
 * }</pre>
 *
 * <p>Steps without a script succeed at once with exit code 0. Thread-safe. Durations are real
 * (sleeps); keep them in milliseconds.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class FakeRuntime implements ContainerRuntime {

    /**
     * One recorded attempt.
     *
     * @param stepId the step id
     * @param iteration the repeat iteration
     * @param attempt the attempt within the iteration
     * @param start when the runtime was called
     * @param end when it returned or threw
     * @param result {@code exit <n>}, {@code detached}, {@code failure <KIND>} or {@code interrupted}
     * @param thread the name of the calling thread
     */
    public record Call(String stepId, int iteration, int attempt, Instant start, Instant end, String result,
            String thread) {}

    private final Map<String, StepScript> scripts = new ConcurrentHashMap<>();
    private final List<Call> calls = new ArrayList<>();
    private final List<String> stops = new ArrayList<>();
    private final List<String> timeline = new ArrayList<>();
    private final List<RunSetup> setups = new ArrayList<>();
    private final AtomicInteger concurrent = new AtomicInteger();
    private final AtomicInteger peak = new AtomicInteger();
    private final AtomicInteger openSessions = new AtomicInteger();
    private final AtomicInteger closedSessions = new AtomicInteger();
    private volatile RuntimeFailure openFailure;
    private volatile Duration openDelay = Duration.ZERO;

    /**
     * The script of a step (created on first use).
     *
     * @param stepId the step id
     * @return its script, to configure fluently
     */
    public StepScript step(String stepId) {
        return scripts.computeIfAbsent(stepId, StepScript::new);
    }

    /** Makes {@link #open} fail. @param kind the failure kind @param message its message @return this */
    public FakeRuntime openFailsWith(RuntimeFailure.Kind kind, String message) {
        this.openFailure = new RuntimeFailure(kind, message);
        return this;
    }

    /** Makes {@link #open} take this long (interruptible). @param delay the delay @return this */
    public FakeRuntime openTakes(Duration delay) {
        this.openDelay = delay;
        return this;
    }

    @Override
    public RuntimeSession open(RunSetup setup) throws RuntimeFailure, InterruptedException {
        record("open " + setup.runId());
        synchronized (this) {
            setups.add(setup);
        }
        if (!openDelay.isZero()) {
            TimeUnit.NANOSECONDS.sleep(openDelay.toNanos());
        }
        if (openFailure != null) {
            throw openFailure;
        }
        openSessions.incrementAndGet();
        return new Session(setup.runId());
    }

    // --- what was recorded ---

    /** Every attempt, in the order they ended. @return a copy */
    public synchronized List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The attempts of one step. @param stepId the id @return a copy */
    public synchronized List<Call> calls(String stepId) {
        return calls.stream().filter(c -> c.stepId().equals(stepId)).toList();
    }

    /** The step ids in the order their first attempt started. @return the ids */
    public synchronized List<String> startOrder() {
        return calls.stream().sorted(java.util.Comparator.comparing(Call::start)).map(Call::stepId).distinct()
                .toList();
    }

    /** The step ids {@code stop} was called with, in order. @return a copy */
    public synchronized List<String> stops() {
        return List.copyOf(stops);
    }

    /**
     * Everything that happened, in order: {@code open <runId>}, {@code start <step>#<it>.<att>},
     * {@code end <step>#<it>.<att> <result>}, {@code stop <step>}, {@code close <runId>}.
     *
     * @return a copy
     */
    public synchronized List<String> timeline() {
        return List.copyOf(timeline);
    }

    /** The setups {@code open} received. @return a copy */
    public synchronized List<RunSetup> setups() {
        return List.copyOf(setups);
    }

    /** Whether every opened session was closed (and at least one was opened). @return the answer */
    public boolean sessionClosed() {
        return openSessions.get() > 0 && openSessions.get() == closedSessions.get();
    }

    /** How many sessions were closed. @return the count */
    public int closedSessions() {
        return closedSessions.get();
    }

    /** The most attempts that ran at the same time. @return the peak */
    public int peakConcurrency() {
        return peak.get();
    }

    private synchronized void record(String event) {
        timeline.add(event);
    }

    private final class Session implements RuntimeSession {
        private final String runId;
        private volatile boolean closed;

        Session(String runId) {
            this.runId = runId;
        }

        @Override
        public StepOutcome execute(StepAttempt attempt, StepOutput output) throws RuntimeFailure, InterruptedException {
            if (closed) {
                throw new IllegalStateException("session closed");
            }
            String id = attempt.step().id();
            String tag = id + "#" + attempt.iteration() + "." + attempt.attempt();
            StepScript script = step(id);
            int index = script.calls.getAndIncrement();
            Instant start = Instant.now();
            record("start " + tag);
            int now = concurrent.incrementAndGet();
            peak.accumulateAndGet(now, Math::max);
            String result = "interrupted";
            try {
                output.containerStarted("fake-" + id + "-" + index);
                for (String[] line : script.linesFor(index)) {
                    output.line("err".equals(line[0]) ? StepOutput.Stream.STDERR : StepOutput.Stream.STDOUT, line[1]);
                }
                if (attempt.step() instanceof io.multistep.spec.ContainerStep c && c.container().detach()) {
                    result = "detached";
                    return new StepOutcome(0, Optional.of("fake-" + id), List.of(), List.of());
                }
                if (script.hangs) {
                    Thread.sleep(Long.MAX_VALUE);
                }
                if (!script.delay.isZero()) {
                    TimeUnit.NANOSECONDS.sleep(script.delay.toNanos());
                }
                if (script.failure != null) {
                    result = "failure " + script.failure.kind();
                    throw new RuntimeFailure(script.failure.kind(), script.failure.getMessage());
                }
                int code = script.exitCodeFor(index);
                result = "exit " + code;
                return new StepOutcome(code, Optional.of("fake-" + id + "-" + index), script.images,
                        script.dependencies);
            } finally {
                concurrent.decrementAndGet();
                Instant end = Instant.now();
                synchronized (FakeRuntime.this) {
                    calls.add(new Call(id, attempt.iteration(), attempt.attempt(), start, end, result,
                            Thread.currentThread().getName()));
                    timeline.add("end " + tag + " " + result);
                }
            }
        }

        @Override
        public void stop(String stepId) {
            synchronized (FakeRuntime.this) {
                stops.add(stepId);
                timeline.add("stop " + stepId);
            }
        }

        @Override
        public void close() {
            if (!closed) {
                closed = true;
                closedSessions.incrementAndGet();
                record("close " + runId);
            }
        }
    }

    /** What a step's attempts do. Configure before the run starts. */
    public static final class StepScript {
        private final String id;
        private final AtomicInteger calls = new AtomicInteger();
        private volatile List<String[]> lines = List.of();
        private volatile Map<Integer, List<String[]>> linesPerAttempt = Map.of();
        private volatile int[] exitCodes = {0};
        private volatile Duration delay = Duration.ZERO;
        private volatile boolean hangs;
        private volatile RuntimeFailure failure;
        private volatile List<ImageRecord> images = List.of();
        private volatile List<ImageDependency> dependencies = List.of();

        StepScript(String id) {
            this.id = id;
        }

        /** Every attempt prints these stdout lines. @param text the lines @return this */
        public StepScript printsLines(String... text) {
            List<String[]> l = new ArrayList<>(lines);
            for (String t : text) {
                l.add(new String[] {"out", t});
            }
            lines = List.copyOf(l);
            return this;
        }

        /** Every attempt prints these stderr lines. @param text the lines @return this */
        public StepScript printsErrLines(String... text) {
            List<String[]> l = new ArrayList<>(lines);
            for (String t : text) {
                l.add(new String[] {"err", t});
            }
            lines = List.copyOf(l);
            return this;
        }

        /**
         * The attempt with this 0-based index (counted over all iterations and retries) prints
         * these stdout lines instead of the common ones.
         *
         * @param index the call index
         * @param text the lines
         * @return this
         */
        public StepScript onAttemptPrints(int index, String... text) {
            Map<Integer, List<String[]>> m = new java.util.HashMap<>(linesPerAttempt);
            List<String[]> l = new ArrayList<>();
            for (String t : text) {
                l.add(new String[] {"out", t});
            }
            m.put(index, l);
            linesPerAttempt = Map.copyOf(m);
            return this;
        }

        /** Every attempt exits with this code. @param code the code @return this */
        public StepScript exitsWith(int code) {
            exitCodes = new int[] {code};
            return this;
        }

        /** Attempt n exits with codes[n]; later attempts repeat the last code. @param codes the codes @return this */
        public StepScript exitCodes(int... codes) {
            if (codes.length == 0) {
                throw new IllegalArgumentException("at least one code");
            }
            exitCodes = codes.clone();
            return this;
        }

        /** Every attempt takes this long before it ends. @param d the duration @return this */
        public StepScript after(Duration d) {
            delay = d;
            return this;
        }

        /** Every attempt takes this many milliseconds. @param millis the duration @return this */
        public StepScript afterMillis(long millis) {
            return after(Duration.ofMillis(millis));
        }

        /** Every attempt runs until interrupted. @return this */
        public StepScript hangs() {
            hangs = true;
            return this;
        }

        /** Every attempt throws a {@link RuntimeFailure}. @param kind the kind @param message the message @return this */
        public StepScript failsWith(RuntimeFailure.Kind kind, String message) {
            failure = new RuntimeFailure(kind, message);
            return this;
        }

        /** Every attempt throws a {@link RuntimeFailure} with a default message. @param kind the kind @return this */
        public StepScript failsWith(RuntimeFailure.Kind kind) {
            return failsWith(kind, "fake failure " + kind + " in step " + id);
        }

        /** Successful attempts report these images. @param records the images @return this */
        public StepScript producesImages(ImageRecord... records) {
            images = List.of(records);
            return this;
        }

        /** Successful attempts report these dependencies. @param deps the entries @return this */
        public StepScript reportsDependencies(ImageDependency... deps) {
            dependencies = List.of(deps);
            return this;
        }

        /** How many attempts ran so far. @return the count */
        public int attempts() {
            return calls.get();
        }

        List<String[]> linesFor(int index) {
            return linesPerAttempt.getOrDefault(index, lines);
        }

        int exitCodeFor(int index) {
            int[] codes = exitCodes;
            return codes[Math.min(index, codes.length - 1)];
        }
    }
}
