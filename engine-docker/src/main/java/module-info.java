/**
 * The Docker runtime on docker-java, and prune (docs/api.md).
 */
module io.multistep.docker {
    requires transitive io.multistep.engine;
    requires transitive org.apiguardian.api;
    requires com.github.dockerjava.api;
    requires com.github.dockerjava.core;
    requires com.github.dockerjava.transport;
    requires com.github.dockerjava.transport.zerodep;
    requires com.fasterxml.jackson.databind;
    requires org.apache.commons.compress;
    requires org.slf4j;

    exports io.multistep.docker;
}
