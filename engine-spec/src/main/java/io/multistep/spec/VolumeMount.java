package io.multistep.spec;

import org.apiguardian.api.API;

/**
 * A {@code volumeMounts} entry of a step: mounts a declared task volume.
 *
 * @param name the name of a volume declared under the task's {@code volumes}
 * @param mountPath where the volume appears inside the container
 */
@API(status = API.Status.STABLE, since = "0.1")
public record VolumeMount(String name, String mountPath) {}
