package io.multistep.engine.spi;

import org.apiguardian.api.API;

/**
 * An image a step built or pushed.
 *
 * @param reference the reference as named in the task, for example {@code 127.0.0.1:5000/app:v1}
 * @param digest the image id (built) or the registry's manifest digest (pushed), {@code sha256:...};
 *     empty when unknown
 * @param pushed whether this records a push (else a build)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record ImageRecord(String reference, String digest, boolean pushed) {}
