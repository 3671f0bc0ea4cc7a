package io.github.matrixcors.hamcrest;

import io.github.matrixcors.cors.BrowserProfile;
import io.github.matrixcors.cors.BrowserRequest;
import io.github.matrixcors.cors.Severity;
import java.util.List;
import java.util.Objects;
import org.hamcrest.Matcher;
import org.hamcrest.Matchers;

/**
 * Hamcrest matchers for CORS responses, with one static import.
 *
 * <p>Every matcher accepts a recorded {@link io.github.matrixcors.http.Exchange} or
 * {@link io.github.matrixcors.http.Hop} (from {@link io.github.matrixcors.http.Probe}), a
 * {@link io.github.matrixcors.matrix.CheckResult} (from {@link io.github.matrixcors.matrix.MatrixCorsChecker}, whose
 * first exchange is examined), or an HttpClient 5 {@code org.apache.hc.core5.http.HttpResponse} for tests that send
 * their own requests. An HttpClient response does not record its request, so the request context (origin, method,
 * headers) is given to the factory. Header names compare case-insensitively, as in HTTP.
 *
 * <p>A mismatch lists every violation with a count, then the request sent, the status and every response header line:
 *
 * <pre>
 * Expected: a response whose Access-Control-Allow-Origin allows "https://app.element.io"
 *      but: 1 violation:
 *   1. Access-Control-Allow-Origin has 2 lines ("*", "*"), which browsers combine into "*, *"
 * request:
 *   GET http://localhost:8008/_matrix/client/versions
 *   Origin: https://app.element.io
 * response:
 *   200 OK
 *   Access-Control-Allow-Origin: *
 *   Access-Control-Allow-Origin: *
 * </pre>
 */
public final class CorsMatchers {

    private CorsMatchers() {}

    /**
     * Matches a preflight response that a browser accepts whatever the request: status 200-299 (so no redirect), one
     * {@code Access-Control-Allow-Origin} that is {@code *} or a serialized origin, and valid token lists in
     * {@code Access-Control-Allow-Methods} and {@code -Headers}. Use {@link #passesPreflightCheck(BrowserRequest)} to
     * check a preflight against a given request.
     *
     * <pre>{@code assertThat(probe.preflight(request), isSuccessfulPreflight());}</pre>
     *
     * @see <a href="https://fetch.spec.whatwg.org/#cors-preflight-fetch-0">Fetch Standard: CORS-preflight fetch</a>
     */
    public static Matcher<Object> isSuccessfulPreflight() {
        return new HopMatcher(
                "a successful CORS preflight response (status 200-299, one valid Access-Control-Allow-Origin, valid"
                        + " Access-Control-Allow-Methods and Access-Control-Allow-Headers lists)",
                HopMatcher.Scope.FIRST_HOP,
                HeaderViolations::successfulPreflight);
    }

    /**
     * Matches a response whose {@code Access-Control-Allow-Origin} lets a page from {@code origin} read it, for a request
     * without credentials: exactly one line, equal to {@code *} or to {@code origin}. Every redirect of an exchange must
     * pass too.
     *
     * <pre>{@code assertThat(response, allowsOrigin("https://app.element.io"));}</pre>
     *
     * @see <a href="https://fetch.spec.whatwg.org/#concept-cors-check">Fetch Standard: CORS check</a>
     */
    public static Matcher<Object> allowsOrigin(String origin) {
        Objects.requireNonNull(origin, "origin");
        return new HopMatcher(
                "a response whose Access-Control-Allow-Origin allows " + HeaderViolations.quote(origin),
                HopMatcher.Scope.EVERY_HOP,
                hop -> HeaderViolations.allowsOrigin(hop, origin));
    }

    /**
     * Matches a response with exactly one {@code Access-Control-Allow-Origin} line whose value satisfies
     * {@code valueMatcher}, on every hop of an exchange.
     *
     * <pre>{@code assertThat(response, allowsOrigin(startsWith("https://")));}</pre>
     *
     * @see <a href="https://fetch.spec.whatwg.org/#concept-cors-check">Fetch Standard: CORS check</a>
     */
    public static Matcher<Object> allowsOrigin(Matcher<? super String> valueMatcher) {
        Objects.requireNonNull(valueMatcher, "valueMatcher");
        return new HopMatcher(
                "a response with one Access-Control-Allow-Origin value that is " + describe(valueMatcher),
                HopMatcher.Scope.EVERY_HOP,
                hop -> HeaderViolations.allowOriginValue(hop, valueMatcher));
    }

    /**
     * Matches a response with exactly one {@code Access-Control-Allow-Origin} line holding one value, on every hop. Two
     * lines, as when a proxy adds the header on top of the homeserver's, make browsers reject the response.
     *
     * <pre>{@code assertThat(response, hasSingleAllowOrigin());}</pre>
     *
     * @see <a href="https://fetch.spec.whatwg.org/#concept-cors-check">Fetch Standard: CORS check</a>
     */
    public static Matcher<Object> hasSingleAllowOrigin() {
        return new HopMatcher(
                "a response with exactly one Access-Control-Allow-Origin value",
                HopMatcher.Scope.EVERY_HOP,
                HeaderViolations::singleAllowOrigin);
    }

    /**
     * Matches a preflight response that allows {@code method}: listed in {@code Access-Control-Allow-Methods}
     * (case-sensitively), covered by {@code *}, or one of GET, HEAD and POST, which need no listing.
     *
     * <pre>{@code assertThat(preflight, allowsMethod("PUT"));}</pre>
     *
     * @see <a href="https://fetch.spec.whatwg.org/#cors-preflight-fetch-0">Fetch Standard: CORS-preflight fetch</a>
     */
    public static Matcher<Object> allowsMethod(String method) {
        return allowsMethods(method);
    }

    /**
     * Matches a preflight response that allows every one of {@code methods}, as {@link #allowsMethod(String)} does.
     *
     * <pre>{@code assertThat(preflight, allowsMethods("GET", "POST", "PUT", "DELETE"));}</pre>
     *
     * @throws IllegalArgumentException when no method is given
     * @see <a href="https://fetch.spec.whatwg.org/#cors-preflight-fetch-0">Fetch Standard: CORS-preflight fetch</a>
     */
    public static Matcher<Object> allowsMethods(String... methods) {
        List<String> wanted = requireSome(methods, "allowsMethods", "\"PUT\"");
        return new HopMatcher(
                "a preflight response whose Access-Control-Allow-Methods allows " + String.join(", ", wanted),
                HopMatcher.Scope.FIRST_HOP,
                hop -> HeaderViolations.allowsMethods(hop, wanted));
    }

    /**
     * Matches a preflight response that allows every request header in {@code names}: each listed in
     * {@code Access-Control-Allow-Headers} (case-insensitively) or covered by {@code *}. Following the Fetch Standard,
     * {@code *} never covers {@code Authorization}; current browsers accept it anyway, which
     * {@link #passesPreflightCheck(BrowserRequest, BrowserProfile)} models per browser.
     *
     * <pre>{@code assertThat(preflight, allowsRequestHeaders("Authorization", "Content-Type"));}</pre>
     *
     * @throws IllegalArgumentException when no header name is given
     * @see <a href="https://fetch.spec.whatwg.org/#cors-preflight-fetch-0">Fetch Standard: CORS-preflight fetch</a>
     */
    public static Matcher<Object> allowsRequestHeaders(String... names) {
        List<String> wanted = requireSome(names, "allowsRequestHeaders", "\"Authorization\"");
        return new HopMatcher(
                "a preflight response whose Access-Control-Allow-Headers allows " + String.join(", ", wanted),
                HopMatcher.Scope.FIRST_HOP,
                hop -> HeaderViolations.allowsRequestHeaders(hop, wanted));
    }

    /**
     * Matches a preflight response whose {@code Access-Control-Max-Age} is one valid line of at least
     * {@code minimumSeconds}. Browsers cap the value (Chromium 7200 s, Firefox 86400 s, WebKit 600 s) and use 5 s when
     * it is missing, invalid or duplicated.
     *
     * <pre>{@code assertThat(preflight, hasMaxAgeAtLeast(600));}</pre>
     *
     * @see <a href="https://fetch.spec.whatwg.org/#cors-preflight-fetch-0">Fetch Standard: CORS-preflight fetch</a>
     */
    public static Matcher<Object> hasMaxAgeAtLeast(long minimumSeconds) {
        return new HopMatcher(
                "a preflight response with an Access-Control-Max-Age of at least " + minimumSeconds + " s",
                HopMatcher.Scope.FIRST_HOP,
                hop -> HeaderViolations.maxAge(hop, Matchers.greaterThanOrEqualTo(minimumSeconds)));
    }

    /**
     * Matches a preflight response whose {@code Access-Control-Max-Age} is one valid line, in seconds, that satisfies
     * {@code secondsMatcher}.
     *
     * <pre>{@code assertThat(preflight, hasMaxAge(equalTo(7200L)));}</pre>
     *
     * @see <a href="https://fetch.spec.whatwg.org/#cors-preflight-fetch-0">Fetch Standard: CORS-preflight fetch</a>
     */
    public static Matcher<Object> hasMaxAge(Matcher<? super Long> secondsMatcher) {
        Objects.requireNonNull(secondsMatcher, "secondsMatcher");
        return new HopMatcher(
                "a preflight response with an Access-Control-Max-Age in seconds that is " + describe(secondsMatcher),
                HopMatcher.Scope.FIRST_HOP,
                hop -> HeaderViolations.maxAge(hop, secondsMatcher));
    }

    /**
     * Matches a response that Chromium lets through for {@code request}: every hop passes the CORS check, or, for a
     * recorded preflight ({@code OPTIONS}), the CORS-preflight fetch succeeds. An HttpClient response is judged as the
     * actual response.
     *
     * <pre>{@code assertThat(probe.fetch(request), passesBrowserCheck(request));}</pre>
     *
     * @see <a href="https://fetch.spec.whatwg.org/#concept-cors-check">Fetch Standard: CORS check</a>
     */
    public static Matcher<Object> passesBrowserCheck(BrowserRequest request) {
        return passesBrowserCheck(request, BrowserProfile.CHROMIUM);
    }

    /**
     * Matches a response that the browser of {@code profile} lets through for {@code request}, as
     * {@link #passesBrowserCheck(BrowserRequest)} does.
     *
     * <pre>{@code assertThat(probe.fetch(request), passesBrowserCheck(request, BrowserProfile.WEBKIT));}</pre>
     *
     * @see <a href="https://fetch.spec.whatwg.org/#concept-cors-check">Fetch Standard: CORS check</a>
     */
    public static Matcher<Object> passesBrowserCheck(BrowserRequest request, BrowserProfile profile) {
        return new BrowserCheckMatcher(
                Objects.requireNonNull(request, "request"), Objects.requireNonNull(profile, "profile"), false);
    }

    /**
     * Matches a preflight response that Chromium accepts for {@code request}: ok status, CORS check, the method and
     * every CORS-unsafe request header allowed.
     *
     * <pre>{@code assertThat(preflightResponse, passesPreflightCheck(request));}</pre>
     *
     * @see <a href="https://fetch.spec.whatwg.org/#cors-preflight-fetch-0">Fetch Standard: CORS-preflight fetch</a>
     */
    public static Matcher<Object> passesPreflightCheck(BrowserRequest request) {
        return passesPreflightCheck(request, BrowserProfile.CHROMIUM);
    }

    /**
     * Matches a preflight response that the browser of {@code profile} accepts for {@code request}.
     *
     * <pre>{@code assertThat(preflight, passesPreflightCheck(request, BrowserProfile.SPEC));}</pre>
     *
     * @see <a href="https://fetch.spec.whatwg.org/#cors-preflight-fetch-0">Fetch Standard: CORS-preflight fetch</a>
     */
    public static Matcher<Object> passesPreflightCheck(BrowserRequest request, BrowserProfile profile) {
        return new BrowserCheckMatcher(
                Objects.requireNonNull(request, "request"), Objects.requireNonNull(profile, "profile"), true);
    }

    /**
     * Matches a {@link io.github.matrixcors.matrix.CheckResult} without errors: no browser would block the request, and
     * the Matrix rules (CORS headers on every response, errors and redirects included, every endpoint responding to {@code OPTIONS}) hold.
     *
     * <pre>{@code assertThat(checker.check(endpoints), everyItem(compliesWithMatrixRules()));}</pre>
     *
     * @see <a href="https://fetch.spec.whatwg.org/#concept-cors-check">Fetch Standard: CORS check</a>
     */
    public static Matcher<Object> compliesWithMatrixRules() {
        return compliesWithMatrixRules(Severity.ERROR);
    }

    /**
     * Matches a {@link io.github.matrixcors.matrix.CheckResult} without findings of {@code failAt} or worse; with
     * {@link Severity#WARNING}, deviations from the Matrix specification's recommended header values fail too.
     *
     * <pre>{@code assertThat(result, compliesWithMatrixRules(Severity.WARNING));}</pre>
     *
     * @see <a href="https://fetch.spec.whatwg.org/#concept-cors-check">Fetch Standard: CORS check</a>
     */
    public static Matcher<Object> compliesWithMatrixRules(Severity failAt) {
        return new MatrixRulesMatcher(Objects.requireNonNull(failAt, "failAt"));
    }

    private static String describe(Matcher<?> matcher) {
        return org.hamcrest.StringDescription.toString(matcher);
    }

    /** Returns the values as a list, rejecting an empty one, which would make the matcher pass on any response. */
    private static List<String> requireSome(String[] values, String factory, String example) {
        if (values.length == 0) {
            throw new IllegalArgumentException(
                    factory + "() was given no value, so it would match any response: name at least one, for example "
                            + factory + "(" + example + ")");
        }
        return List.of(values);
    }
}
