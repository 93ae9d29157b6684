package io.multistep.test.internal;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

/** Fresh run ids for tests: {@code mt<6 hex>-<n>}, unique in this JVM and (by the random part) across JVMs. */
public final class RunIds {
    private static final String PREFIX = "mt" + UUID.randomUUID().toString().substring(0, 6);
    private static final AtomicInteger COUNTER = new AtomicInteger();

    private RunIds() {}

    /** A new run id. @return the id */
    public static String next() {
        return PREFIX + "-" + COUNTER.incrementAndGet();
    }
}
