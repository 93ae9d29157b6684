package io.multistep.spec;

import java.util.List;
import java.util.Objects;

/**
 * A {@code push:} step: pushes images to their registries.
 *
 * @param images the normalised references: {@code :latest} added where neither tag nor digest is
 *     given, exact duplicates removed keeping the first
 * @param options the common step options (only {@code id}, {@code when}, {@code timeout},
 *     {@code startDelay} and {@code ignoreErrors} have an effect on a push)
 */
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
