package io.multistep.docker;

import io.multistep.testsupport.ApiSurface;
import org.junit.jupiter.api.Test;

/** The module's public API matches api/multistep-engine-docker.api, every public type is marked (docs/api.md). */
class PublicApiTest {

    @Test
    void publicApiMatchesTheCheckedInDump() {
        ApiSurface.check("multistep-engine-docker");
    }
}
