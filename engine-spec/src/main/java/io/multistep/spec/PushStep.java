package io.multistep.spec;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A {@code push:} step: pushes images to their registries.
 *
 * @param images the normalised references: {@code :latest} added where neither tag nor digest is
 *     given, exact duplicates removed keeping the first
 * @param options the common step options (only {@code id}, {@code when}, {@code timeout},
 *     {@code startDelay} and {@code ignoreErrors} have an effect on a push)
 */
@API(status = API.Status.STABLE, since = "0.1")
public record PushStep(List<String> images, StepOptions options) implements Step {

    /** Checks the arguments and freezes the list. */
    public PushStep {
        images = List.copyOf(images);
        Objects.requireNonNull(options, "options");
    }

    @Override
    public StepKind kind() {
        return StepKind.PUSH;
    }
}
