/**
 * The embeddable engine: scheduler, runtime and secret SPIs, events, results, and the scripted
 * runtime for tests (docs/api.md).
 */
module io.multistep.engine {
    requires transitive io.multistep.spec;
    requires transitive org.apiguardian.api;
    requires org.slf4j;

    exports io.multistep.engine;
    exports io.multistep.engine.spi;
    exports io.multistep.engine.testing;
}
