package io.multistep.spec;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A {@code cmd:} step: runs a container.
 *
 * @param cmd the command as the parser hands it on: {@code <image> [args...]}, after image-alias
 *     expansion of its first word (v1.1.0 files only)
 * @param options the common step options
 */
@API(status = API.Status.STABLE, since = "0.1")
public record CmdStep(String cmd, StepOptions options) implements Step {

    /** Checks the arguments. */
    public CmdStep {
        Objects.requireNonNull(cmd, "cmd");
        Objects.requireNonNull(options, "options");
    }

    @Override
    public StepKind kind() {
        return StepKind.CMD;
    }
}
