package io.github.matrixcors.testcontainers;

import static io.github.matrixcors.testcontainers.ExpectedVerdicts.ACTUAL;
import static io.github.matrixcors.testcontainers.ExpectedVerdicts.AUTHENTICATED;
import static io.github.matrixcors.testcontainers.ExpectedVerdicts.ERROR_STATUS;
import static io.github.matrixcors.testcontainers.ExpectedVerdicts.MEDIA;
import static io.github.matrixcors.testcontainers.ExpectedVerdicts.NEEDED_PREFLIGHT;
import static io.github.matrixcors.testcontainers.ExpectedVerdicts.PREFLIGHT;
import static io.github.matrixcors.testcontainers.ExpectedVerdicts.SUPPORT_WELL_KNOWN;
import static io.github.matrixcors.testcontainers.ExpectedVerdicts.UNNEEDED_PREFLIGHT;
import static io.github.matrixcors.testcontainers.ExpectedVerdicts.ids;
import static io.github.matrixcors.testcontainers.ExpectedVerdicts.methods;

import io.github.matrixcors.cors.ProxyKind;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/** Every nginx preset in front of one real Synapse, judged by the checker against the table below. */
class NginxPresetVerdictTest {

    private static final String MISSING_HEADER = "cors.allow-headers.missing-header";
    private static final String MISSING_METHOD = "cors.allow-methods.missing-method";
    private static final String HEADERS_NOT_RECOMMENDED = "matrix.allow-headers.not-recommended";
    private static final String METHODS_NOT_RECOMMENDED = "matrix.allow-methods.not-recommended";

    static final ExpectedVerdicts TABLE = BrokenPresetRows.addTo(new ExpectedVerdicts())
            // nginx answers preflights itself with GET, POST, OPTIONS and a header list without Authorization,
            // and adds a second Access-Control-Allow-Origin to GET and POST responses.
            .row(ProxyPreset.GUIDE, UNNEEDED_PREFLIGHT, ids(), ids(HEADERS_NOT_RECOMMENDED, METHODS_NOT_RECOMMENDED))
            .row(
                    ProxyPreset.GUIDE,
                    NEEDED_PREFLIGHT.and(AUTHENTICATED).and(methods("PUT", "DELETE")),
                    ids(MISSING_HEADER, MISSING_METHOD),
                    ids(METHODS_NOT_RECOMMENDED))
            .row(
                    ProxyPreset.GUIDE,
                    NEEDED_PREFLIGHT.and(AUTHENTICATED),
                    ids(MISSING_HEADER),
                    ids(METHODS_NOT_RECOMMENDED))
            .row(
                    ProxyPreset.GUIDE,
                    NEEDED_PREFLIGHT.and(methods("PUT", "DELETE")),
                    ids(MISSING_METHOD),
                    ids(HEADERS_NOT_RECOMMENDED, METHODS_NOT_RECOMMENDED))
            .row(ProxyPreset.GUIDE, PREFLIGHT, ids(), ids(HEADERS_NOT_RECOMMENDED, METHODS_NOT_RECOMMENDED))
            .row(ProxyPreset.GUIDE, SUPPORT_WELL_KNOWN, ids(), ids())
            .row(ProxyPreset.GUIDE, ACTUAL.and(methods("GET", "POST")), ids("cors.allow-origin.multiple"), ids())
            .row(ProxyPreset.GUIDE, ACTUAL, ids(), ids())

            // Media responses and their preflights carry no CORS header at all; everything else passes.
            .row(
                    ProxyPreset.BROKEN_LOST_INHERITANCE,
                    NEEDED_PREFLIGHT.and(MEDIA).and(methods("PUT")),
                    ids("cors.allow-origin.missing", MISSING_HEADER, MISSING_METHOD),
                    ids("cors.max-age.missing", HEADERS_NOT_RECOMMENDED, METHODS_NOT_RECOMMENDED))
            .row(
                    ProxyPreset.BROKEN_LOST_INHERITANCE,
                    NEEDED_PREFLIGHT.and(MEDIA),
                    ids("cors.allow-origin.missing", MISSING_HEADER),
                    ids("cors.max-age.missing", HEADERS_NOT_RECOMMENDED, METHODS_NOT_RECOMMENDED))
            .row(
                    ProxyPreset.BROKEN_LOST_INHERITANCE,
                    UNNEEDED_PREFLIGHT.and(MEDIA),
                    ids(),
                    ids("cors.allow-origin.missing", HEADERS_NOT_RECOMMENDED, METHODS_NOT_RECOMMENDED))
            .row(ProxyPreset.BROKEN_LOST_INHERITANCE, NEEDED_PREFLIGHT, ids(), ids("cors.max-age.missing"))
            .row(ProxyPreset.BROKEN_LOST_INHERITANCE, PREFLIGHT, ids(), ids())
            .row(
                    ProxyPreset.BROKEN_LOST_INHERITANCE,
                    ACTUAL.and(MEDIA).and(ERROR_STATUS),
                    ids("matrix.cors.missing-on-error"),
                    ids())
            .row(ProxyPreset.BROKEN_LOST_INHERITANCE, ACTUAL.and(MEDIA), ids("cors.allow-origin.missing"), ids())
            .row(ProxyPreset.BROKEN_LOST_INHERITANCE, ACTUAL, ids(), ids());

    private static PresetFixture fixture;

    @BeforeAll
    static void startStack() {
        fixture = new PresetFixture(ProxyKind.NGINX, ProxyPreset.supportedBy(ProxyKind.NGINX)).start();
    }

    @AfterAll
    static void stopStack() {
        if (fixture != null) {
            fixture.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> presetVerdicts() {
        return PresetVerdictTestSupport.verdictTests(ProxyKind.NGINX, fixture, TABLE);
    }
}
