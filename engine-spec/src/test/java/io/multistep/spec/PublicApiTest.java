package io.multistep.spec;

import io.multistep.testsupport.ApiSurface;
import org.junit.jupiter.api.Test;

/** The module's public API matches api/multistep-engine-spec.api, every public type is marked (docs/api.md). */
class PublicApiTest {

    @Test
    void publicApiMatchesTheCheckedInDump() {
        ApiSurface.check("multistep-engine-spec");
    }
}
