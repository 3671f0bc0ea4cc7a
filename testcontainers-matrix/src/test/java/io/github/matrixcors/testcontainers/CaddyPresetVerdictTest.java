package io.github.matrixcors.testcontainers;

import static io.github.matrixcors.testcontainers.ExpectedVerdicts.ACTUAL;
import static io.github.matrixcors.testcontainers.ExpectedVerdicts.NEEDED_PREFLIGHT;
import static io.github.matrixcors.testcontainers.ExpectedVerdicts.SUPPORT_WELL_KNOWN;
import static io.github.matrixcors.testcontainers.ExpectedVerdicts.UNNEEDED_PREFLIGHT;
import static io.github.matrixcors.testcontainers.ExpectedVerdicts.ids;

import io.github.matrixcors.cors.ProxyKind;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every Caddy preset in front of one real Synapse, judged by the checker against the table below. */
class CaddyPresetVerdictTest {

    private static final String HEADERS_NOT_RECOMMENDED = "matrix.allow-headers.not-recommended";

    static final ExpectedVerdicts TABLE = BrokenPresetRows.addTo(new ExpectedVerdicts())
            // Caddy answers preflights itself with Authorization allowed, so they pass; reverse_proxy then adds
            // Synapse's Access-Control-Allow-Origin to the one the header directive set.
            .row(ProxyPreset.GUIDE, NEEDED_PREFLIGHT, ids(), ids("cors.max-age.missing", HEADERS_NOT_RECOMMENDED))
            .row(ProxyPreset.GUIDE, UNNEEDED_PREFLIGHT, ids(), ids(HEADERS_NOT_RECOMMENDED))
            .row(ProxyPreset.GUIDE, SUPPORT_WELL_KNOWN, ids(), ids())
            .row(ProxyPreset.GUIDE, ACTUAL, ids("cors.allow-origin.multiple"), ids());

    private static PresetFixture fixture;

    @BeforeAll
    static void startStack() {
        fixture = new PresetFixture(ProxyKind.CADDY, ProxyPreset.supportedBy(ProxyKind.CADDY)).start();
    }

    @AfterAll
    static void stopStack() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> presetVerdicts() {
        return PresetVerdictTestSupport.verdictTests(ProxyKind.CADDY, fixture, TABLE);
    }
}
