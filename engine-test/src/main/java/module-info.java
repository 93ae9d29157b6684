/**
 * The test kit: the JUnit 5 extension {@code @MultistepTest} and AssertJ assertions on run results
 * (docs/testing.md, docs/api.md).
 */
module io.multistep.test {
    requires transitive io.multistep.engine;
    requires transitive io.multistep.docker;
    requires transitive org.apiguardian.api;
    requires transitive org.junit.jupiter.api;
    requires transitive org.assertj.core;
    requires org.slf4j;

    exports io.multistep.test;
}
