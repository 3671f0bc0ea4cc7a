package io.github.matrixcors.testcontainers;

import static io.github.matrixcors.testcontainers.ExpectedVerdicts.ACTUAL;
import static io.github.matrixcors.testcontainers.ExpectedVerdicts.PREFLIGHT;
import static io.github.matrixcors.testcontainers.ExpectedVerdicts.SUPPORT_WELL_KNOWN;
import static io.github.matrixcors.testcontainers.ExpectedVerdicts.ids;

import io.github.matrixcors.cors.ProxyKind;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every Apache httpd preset in front of one real Synapse, judged by the checker against the table below. */
class ApachePresetVerdictTest {

    static final ExpectedVerdicts TABLE = BrokenPresetRows.addTo(new ExpectedVerdicts())
            // httpd answers preflights itself with 200 and Authorization allowed, so they pass; "Header always set"
            // adds a second Access-Control-Allow-Origin to everything Synapse answers.
            .row(ProxyPreset.GUIDE, PREFLIGHT, ids(), ids())
            .row(ProxyPreset.GUIDE, SUPPORT_WELL_KNOWN, ids(), ids())
            .row(ProxyPreset.GUIDE, ACTUAL, ids("cors.allow-origin.multiple"), ids());

    private static PresetFixture fixture;

    @BeforeAll
    static void startStack() {
        fixture = new PresetFixture(ProxyKind.APACHE, ProxyPreset.supportedBy(ProxyKind.APACHE)).start();
    }

    @AfterAll
    static void stopStack() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> presetVerdicts() {
        return PresetVerdictTestSupport.verdictTests(ProxyKind.APACHE, fixture, TABLE);
    }
}
