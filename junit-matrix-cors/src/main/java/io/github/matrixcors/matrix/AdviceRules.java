package io.github.matrixcors.matrix;

import io.github.matrixcors.cors.Finding;
import io.github.matrixcors.cors.Severity;
import io.github.matrixcors.http.Exchange;
import io.github.matrixcors.http.Hop;
import java.util.ArrayList;
import java.util.List;

/**
 * The advisory rules ({@code advice.*}): recommendations of common reverse-proxy guides that no browser enforces and
 * the Matrix specification does not make. Their findings are {@link Severity#INFO}, kept apart from the rules a
 * browser enforces so that a suite can ignore them.
 */
public final class AdviceRules {

    /** A preflight response with status 200 rather than 204 No Content. */
    public static final String PREFLIGHT_NO_CONTENT = "advice.preflight.no-content";
    /** A preflight cache lifetime shorter than {@link #SHORT_MAX_AGE_SECONDS}. */
    public static final String MAX_AGE_SHORT = "advice.max-age.short";

    /**
     * The {@code Access-Control-Max-Age} below which the advice applies, in seconds: 600 is WebKit's cap, the lowest of
     * the three engines, so every browser caches a preflight this long when the header allows it.
     */
    public static final long SHORT_MAX_AGE_SECONDS = 600;

    private AdviceRules() {}

    /** Checks a successful preflight against the guides' recommendations. */
    public static List<Finding> checkPreflight(Exchange preflight) {
        Hop hop = preflight.first();
        List<Finding> findings = new ArrayList<>();
        if (hop.status() == 200) {
            findings.add(new Finding(
                    PREFLIGHT_NO_CONTENT,
                    Severity.INFO,
                    "The preflight was answered 200; proxy guides usually answer it with 204 No Content, as Synapse"
                            + " does. Browsers accept any status from 200 to 299",
                    hop,
                    List.of()));
        }
        List<String> maxAge = hop.values("Access-Control-Max-Age");
        if (hop.status() >= 200
                && hop.status() <= 299
                && maxAge.size() == 1
                && maxAge.get(0).matches("[0-9]{1,9}")) {
            long seconds = Long.parseLong(maxAge.get(0));
            if (seconds < SHORT_MAX_AGE_SECONDS) {
                findings.add(new Finding(
                        MAX_AGE_SHORT,
                        Severity.INFO,
                        "Access-Control-Max-Age is " + seconds + " s, so browsers repeat the preflight of each"
                                + " authenticated call that often; guides recommend a long value such as 86400,"
                                + " which browsers cap at 7200 s (Chromium), 86400 s (Firefox) or 600 s (WebKit)",
                        hop,
                        List.of()));
            }
        }
        return findings;
    }
}
