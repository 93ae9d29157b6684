package io.multistep.engine.internal;

import io.multistep.spec.StepSchedule;

/**
 * The exit-code rule. The reference parses {@code exitedWith}/{@code exitedWithout} but ignores
 * them (execution.md §10); we implement them — a deliberate difference.
 */
public final class ExitCodes {

    private ExitCodes() {}

    /**
     * Whether an exit code counts as success: it is in {@code exitedWith} when that is non-empty,
     * else it is not in {@code exitedWithout} when that is non-empty, else it is 0.
     *
     * @param options the step's schedule
     * @param exitCode the container's exit code
     * @return whether the attempt succeeded
     */
    public static boolean isSuccess(StepSchedule options, int exitCode) {
        if (!options.exitedWith().isEmpty()) {
            return options.exitedWith().contains(exitCode);
        }
        if (!options.exitedWithout().isEmpty()) {
            return !options.exitedWithout().contains(exitCode);
        }
        return exitCode == 0;
    }
}
