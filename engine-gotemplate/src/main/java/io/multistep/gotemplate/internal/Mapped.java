package io.multistep.gotemplate.internal;

import org.apiguardian.api.API;

/**
 * A produced text plus the map from its offsets to the offsets of the text it came from.
 *
 * @param text the produced text
 * @param map offsets of {@code text} → offsets of the input
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public record Mapped(String text, OffsetMap map) {
}
