/**
 * The task file model, its parsing and validation, and template rendering (docs/api.md).
 */
module io.multistep.spec {
    requires transitive org.apiguardian.api;
    requires org.yaml.snakeyaml;
    requires org.slf4j;
    requires java.net.http;
    requires org.bouncycastle.provider;
    requires org.bouncycastle.util;
    requires org.bouncycastle.pkix;

    exports io.multistep.spec;
    exports io.multistep.spec.template;
    // The runtime's build command splits build strings as the static check does.
    exports io.multistep.spec.internal to io.multistep.docker;
}
