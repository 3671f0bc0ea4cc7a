package io.github.matrixcors.cors;

import io.github.matrixcors.http.Exchange;
import io.github.matrixcors.http.Hop;
import io.github.matrixcors.http.Origins;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Decides what a browser does with a cross-origin request, given the preflight and actual exchanges the
 * {@link io.github.matrixcors.http.Probe} recorded, following the Fetch Standard:
 *
 * <ul>
 *   <li>{@link #evaluatePreflight} implements "CORS-preflight fetch": a redirect fails; the "CORS check" must pass; the
 *       status must be an ok status (200-299); {@code Access-Control-Allow-Methods} and
 *       {@code Access-Control-Allow-Headers} are parsed as token lists (all lines together, one invalid element fails
 *       the preflight); the method must be listed (case-sensitively) unless it is GET, HEAD or POST; each CORS-unsafe
 *       request header must be listed (case-insensitively); {@code *} counts as a wildcard only when the credentials
 *       mode is not {@code include}, and never covers {@code Authorization} in the Fetch Standard; and
 *       {@code Access-Control-Max-Age} sets the preflight cache lifetime (5 s when missing, invalid or duplicated).
 *   <li>{@link #evaluateResponse} implements the "CORS check" on every hop of the actual request, redirects included,
 *       as "HTTP fetch" does before it follows a redirect; the browser stops at the first failing hop.
 * </ul>
 *
 * <p>Where browsers deviate from the standard, the {@link BrowserProfile} decides: Chromium, Firefox and WebKit let
 * {@code Access-Control-Allow-Headers: *} cover {@code Authorization} (a warning there, an error under
 * {@link BrowserProfile#SPEC}), and each caps {@code Access-Control-Max-Age} differently. Every {@link Verdict} names
 * the profile it used.
 */
public final class CorsEvaluator {

    private final BrowserProfile profile;
    private final PreflightRules preflightRules;

    public CorsEvaluator(BrowserProfile profile) {
        this.profile = Objects.requireNonNull(profile, "profile");
        this.preflightRules = new PreflightRules(profile);
    }

    /** Returns whose rules this evaluator follows. */
    public BrowserProfile profile() {
        return profile;
    }

    /**
     * Judges a preflight response as the Fetch Standard's "CORS-preflight fetch" does.
     *
     * @param request the request the preflight was sent for
     * @param preflight the exchange recorded by {@link io.github.matrixcors.http.Probe#preflight(BrowserRequest)}
     */
    public Verdict evaluatePreflight(BrowserRequest request, Exchange preflight) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(preflight, "preflight");
        return verdict(preflightRules.evaluate(request, preflight));
    }

    /**
     * Judges every hop of an actual request with the Fetch Standard's "CORS check", in order, stopping at the first
     * hop that fails as a browser does. Each hop is checked against the {@code Origin} it was sent with, so after a
     * redirect that tainted the origin only {@code *} or {@code null} passes.
     *
     * @param actual the exchange recorded by {@link io.github.matrixcors.http.Probe#fetch(BrowserRequest)}
     */
    public Verdict evaluateResponse(BrowserRequest request, Exchange actual) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(actual, "actual");
        return verdict(responseFindings(request, actual));
    }

    /**
     * Judges a whole request: the preflight (when one was sent) and the actual request. Findings of both are reported,
     * although a browser whose preflight fails never sends the actual request.
     *
     * @param preflightOrNull the preflight exchange, or {@code null} for a request a browser sends without one
     * @throws IllegalArgumentException when the request needs a preflight and none is given
     */
    public Verdict evaluate(BrowserRequest request, Exchange preflightOrNull, Exchange actual) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(actual, "actual");
        if (preflightOrNull == null && request.needsPreflight()) {
            throw new IllegalArgumentException("A browser sends a preflight before " + request.method() + " "
                    + request.url() + " (method or headers " + request.unsafeHeaderNames()
                    + " are not CORS-safelisted), so pass the exchange of Probe.preflight(request).");
        }
        List<Finding> findings = new ArrayList<>();
        if (preflightOrNull != null) {
            findings.addAll(preflightRules.evaluate(request, preflightOrNull));
        }
        findings.addAll(responseFindings(request, actual));
        return verdict(findings);
    }

    /**
     * Returns how long this profile's browser caches a successful preflight, from its {@code Access-Control-Max-Age}.
     */
    public Duration preflightCacheLifetime(Exchange preflight) {
        MaxAge maxAge = MaxAge.parse(preflight.first().values("Access-Control-Max-Age"));
        return Duration.ofSeconds(maxAge.effectiveSeconds(profile));
    }

    private List<Finding> responseFindings(BrowserRequest request, Exchange actual) {
        List<Finding> findings = new ArrayList<>();
        List<Hop> hops = actual.hops();
        URI firstUrl = actual.first().request().uri();

        for (int i = 0; i < hops.size(); i++) {
            Hop hop = hops.get(i);
            boolean last = i == hops.size() - 1;
            boolean fullUrl = !Origins.sameOrigin(firstUrl, hop.request().uri());
            boolean followed = hop.isRedirect() && hop.location().isPresent();
            CorsCheck.Role role = followed ? CorsCheck.Role.REDIRECT : CorsCheck.Role.RESPONSE;
            String origin = Optional.ofNullable(hop.request().header("Origin")).orElse(request.origin());

            Optional<Finding> failure = CorsCheck.check(hop, origin, request.credentials(), role, fullUrl);
            if (failure.isPresent()) {
                findings.add(failure.get());
                return findings;
            }
            if (followed && last) {
                unfollowableRedirect(hop, fullUrl).ifPresent(findings::add);
            }
            if (hop.isRedirect()
                    && hop.location().isEmpty()
                    && !hop.values("Location").isEmpty()) {
                findings.add(new Finding(
                        CorsRuleIds.REDIRECT_INVALID_LOCATION,
                        Severity.ERROR,
                        "Location is " + Describe.quote(hop.values("Location").get(0)) + " on "
                                + Describe.response(hop, fullUrl) + ", which is not a valid URL, so the browser"
                                + " fails the request.",
                        hop,
                        List.of()));
            }
            // The preflight cache is keyed by URL, so the browser preflights the redirect target again.
            if (followed && !last && request.needsPreflight()) {
                findings.add(new Finding(
                        CorsRuleIds.REDIRECT_AFTER_PREFLIGHT,
                        Severity.INFO,
                        "The preflighted request was sent on by " + Describe.redirect(hop, fullUrl)
                                + ", where the browser sends a new preflight for the new URL that this check did not"
                                + " send.",
                        hop,
                        List.of()));
            }
        }
        return findings;
    }

    // The probe stops at a redirect it must not follow. A browser fails the request there with a network error.
    private static Optional<Finding> unfollowableRedirect(Hop hop, boolean fullUrl) {
        URI location = hop.location().orElseThrow();
        String scheme = location.getScheme() == null ? "" : location.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return Optional.of(new Finding(
                    CorsRuleIds.REDIRECT_UNSUPPORTED_SCHEME,
                    Severity.ERROR,
                    "Location is " + Describe.quote(location.toString()) + " on " + Describe.redirect(hop, fullUrl)
                            + ", and a browser fails a CORS request redirected to a scheme other than http or https.",
                    hop,
                    List.of()));
        }
        if (location.getRawUserInfo() != null) {
            return Optional.of(new Finding(
                    CorsRuleIds.REDIRECT_CREDENTIALS_IN_URL,
                    Severity.ERROR,
                    "Location on " + Describe.redirect(hop, fullUrl) + " contains a user name or password, and a"
                            + " browser fails a CORS request redirected to such a URL.",
                    hop,
                    List.of()));
        }
        return Optional.empty();
    }

    private Verdict verdict(List<Finding> findings) {
        List<Finding> ordered = new ArrayList<>(findings);
        ordered.sort(Comparator.comparing(Finding::severity));
        boolean allowed = ordered.stream().noneMatch(finding -> finding.severity() == Severity.ERROR);
        return new Verdict(allowed, profile, ordered);
    }
}
