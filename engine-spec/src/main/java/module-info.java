/**
 * The task file model, its parsing and validation, and the rendering of task files (docs/api.md).
 */
module io.multistep.spec {
    requires transitive org.apiguardian.api;
    requires transitive io.multistep.gotemplate;
    requires org.yaml.snakeyaml;
    requires org.slf4j;
    requires java.net.http;

    exports io.multistep.spec;
    exports io.multistep.spec.render;
    // The runtime's build command splits build strings as the static check does.
    exports io.multistep.spec.internal to io.multistep.docker;
}
