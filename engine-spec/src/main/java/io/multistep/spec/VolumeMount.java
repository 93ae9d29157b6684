package io.multistep.spec;

/**
 * A {@code volumeMounts} entry of a step: mounts a declared task volume.
 *
 * @param name the name of a volume declared under the task's {@code volumes}
 * @param mountPath where the volume appears inside the container
 */
public record VolumeMount(String name, String mountPath) {}
