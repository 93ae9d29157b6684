package io.multistep.engine;

import io.multistep.testsupport.ApiSurface;
import org.junit.jupiter.api.Test;

/** The module's public API matches api/multistep-engine-core.api, every public type is marked (docs/api.md). */
class PublicApiTest {

    @Test
    void publicApiMatchesTheCheckedInDump() {
        ApiSurface.check("multistep-engine-core");
    }
}
