package io.github.matrixcors.testcontainers;

import static io.github.matrixcors.testcontainers.ExpectedVerdicts.ACTUAL;
import static io.github.matrixcors.testcontainers.ExpectedVerdicts.AUTHENTICATED;
import static io.github.matrixcors.testcontainers.ExpectedVerdicts.ERROR_STATUS;
import static io.github.matrixcors.testcontainers.ExpectedVerdicts.NEEDED_PREFLIGHT;
import static io.github.matrixcors.testcontainers.ExpectedVerdicts.PREFLIGHT;
import static io.github.matrixcors.testcontainers.ExpectedVerdicts.SUPPORT_WELL_KNOWN;
import static io.github.matrixcors.testcontainers.ExpectedVerdicts.UNNEEDED_PREFLIGHT;
import static io.github.matrixcors.testcontainers.ExpectedVerdicts.ids;

/**
 * Rows that hold for nginx, Caddy and Apache httpd alike: the correct preset and the broken presets that all three
 * proxies share give the same verdicts in front of Synapse.
 */
final class BrokenPresetRows {

    private static final String ALLOW_ORIGIN_MISSING = "cors.allow-origin.missing";
    private static final String ALLOW_ORIGIN_MULTIPLE = "cors.allow-origin.multiple";
    private static final String MAX_AGE_MISSING = "cors.max-age.missing";
    private static final String MISSING_ON_ERROR = "matrix.cors.missing-on-error";
    private static final String OPTIONS_NOT_ANSWERED = "matrix.options.not-answered";

    private BrokenPresetRows() {}

    static ExpectedVerdicts addTo(ExpectedVerdicts table) {
        return table
                // Everything passes, with no finding at any severity (checked separately for INFO).
                .row(ProxyPreset.CORRECT, ExpectedVerdicts.ANY, ids(), ids())

                // The proxy answers OPTIONS with 403 or 405 and no CORS headers.
                .row(
                        ProxyPreset.BROKEN_OPTIONS_NOT_HANDLED,
                        NEEDED_PREFLIGHT,
                        ids(ALLOW_ORIGIN_MISSING, OPTIONS_NOT_ANSWERED),
                        ids())
                .row(
                        ProxyPreset.BROKEN_OPTIONS_NOT_HANDLED,
                        UNNEEDED_PREFLIGHT,
                        ids(),
                        ids(ALLOW_ORIGIN_MISSING, OPTIONS_NOT_ANSWERED))
                .row(ProxyPreset.BROKEN_OPTIONS_NOT_HANDLED, SUPPORT_WELL_KNOWN, ids(), ids(MISSING_ON_ERROR))
                .row(ProxyPreset.BROKEN_OPTIONS_NOT_HANDLED, ACTUAL, ids(), ids())

                // Error responses lose CORS; successful ones and preflights keep it.
                .row(ProxyPreset.BROKEN_NO_CORS_ON_ERRORS, NEEDED_PREFLIGHT, ids(), ids(MAX_AGE_MISSING))
                .row(ProxyPreset.BROKEN_NO_CORS_ON_ERRORS, UNNEEDED_PREFLIGHT, ids(), ids())
                .row(ProxyPreset.BROKEN_NO_CORS_ON_ERRORS, SUPPORT_WELL_KNOWN, ids(), ids(MISSING_ON_ERROR))
                .row(ProxyPreset.BROKEN_NO_CORS_ON_ERRORS, ACTUAL.and(ERROR_STATUS), ids(MISSING_ON_ERROR), ids())
                .row(ProxyPreset.BROKEN_NO_CORS_ON_ERRORS, ACTUAL, ids(), ids())

                // Two Access-Control-Allow-Origin lines on everything Synapse answers.
                .row(
                        ProxyPreset.BROKEN_DUPLICATE_ALLOW_ORIGIN,
                        NEEDED_PREFLIGHT,
                        ids(ALLOW_ORIGIN_MULTIPLE),
                        ids(MAX_AGE_MISSING))
                .row(ProxyPreset.BROKEN_DUPLICATE_ALLOW_ORIGIN, UNNEEDED_PREFLIGHT, ids(), ids(ALLOW_ORIGIN_MULTIPLE))
                .row(ProxyPreset.BROKEN_DUPLICATE_ALLOW_ORIGIN, SUPPORT_WELL_KNOWN, ids(), ids())
                .row(ProxyPreset.BROKEN_DUPLICATE_ALLOW_ORIGIN, ACTUAL, ids(ALLOW_ORIGIN_MULTIPLE), ids())

                // Every preflight is a redirect; the actual requests are untouched.
                .row(ProxyPreset.BROKEN_REDIRECTED_PREFLIGHT, NEEDED_PREFLIGHT, ids("cors.preflight.redirect"), ids())
                .row(ProxyPreset.BROKEN_REDIRECTED_PREFLIGHT, UNNEEDED_PREFLIGHT, ids(), ids("cors.preflight.redirect"))
                .row(ProxyPreset.BROKEN_REDIRECTED_PREFLIGHT, SUPPORT_WELL_KNOWN, ids(), ids(MISSING_ON_ERROR))
                .row(ProxyPreset.BROKEN_REDIRECTED_PREFLIGHT, ACTUAL, ids(), ids())

                // Only the preflights of requests with an access token fail.
                .row(
                        ProxyPreset.BROKEN_NO_AUTHORIZATION_HEADER,
                        PREFLIGHT.and(AUTHENTICATED),
                        ids("cors.allow-headers.missing-header"),
                        ids())
                .row(
                        ProxyPreset.BROKEN_NO_AUTHORIZATION_HEADER,
                        PREFLIGHT,
                        ids(),
                        ids("matrix.allow-headers.not-recommended"))
                .row(ProxyPreset.BROKEN_NO_AUTHORIZATION_HEADER, SUPPORT_WELL_KNOWN, ids(), ids(MISSING_ON_ERROR))
                .row(ProxyPreset.BROKEN_NO_AUTHORIZATION_HEADER, ACTUAL, ids(), ids());
    }
}
