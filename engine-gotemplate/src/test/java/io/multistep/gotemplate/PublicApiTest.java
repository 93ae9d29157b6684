package io.multistep.gotemplate;

import io.multistep.testsupport.ApiSurface;
import org.junit.jupiter.api.Test;

/** The module's public API matches api/multistep-engine-gotemplate.api, every public type is marked (docs/api.md). */
class PublicApiTest {

    @Test
    void publicApiMatchesTheCheckedInDump() {
        ApiSurface.check("multistep-engine-gotemplate");
    }
}
