package io.multistep.spec;

import org.apiguardian.api.API;

/** The three kinds of step, named as their task-file key. */
@API(status = API.Status.STABLE, since = "0.1")
public enum StepKind {
    /** A {@code cmd:} step: runs a container. */
    CMD,
    /** A {@code build:} step: builds an image. */
    BUILD,
    /** A {@code push:} step: pushes images. */
    PUSH;

    /** The task-file key of this kind: {@code cmd}, {@code build} or {@code push}. */
    public String key() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
