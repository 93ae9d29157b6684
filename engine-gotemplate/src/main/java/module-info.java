/**
 * Go's {@code text/template} with the Sprig v2.22 functions, byte-exact, and the Go compatibility
 * helpers the other Multistep modules share (docs/api.md, docs/architecture.md).
 */
module io.multistep.gotemplate {
    requires transitive org.apiguardian.api;
    requires org.yaml.snakeyaml;
    requires org.bouncycastle.provider;
    requires org.bouncycastle.util;
    requires org.bouncycastle.pkix;

    exports io.multistep.gotemplate;
    // The task renderer drives the interpreter; not a stable API.
    exports io.multistep.gotemplate.internal to io.multistep.spec;
    // Go's fmt, strconv, path, YAML scalars and libyaml's words, for Multistep's own modules only.
    exports io.multistep.gotemplate.internal.go to io.multistep.spec, io.multistep.docker;
}
