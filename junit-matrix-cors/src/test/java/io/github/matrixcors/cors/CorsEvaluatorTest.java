package io.github.matrixcors.cors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.matrixcors.http.Exchange;
import io.github.matrixcors.http.HeaderLine;
import io.github.matrixcors.http.Hop;
import io.github.matrixcors.http.SentRequest;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The evaluator's rules on hand-built responses, without a server. */
class CorsEvaluatorTest {

    private static final String PAGE = "https://app.element.io";
    private static final URI SYNC = URI.create("https://matrix.example.org/_matrix/client/v3/sync");

    private final CorsEvaluator chromium = new CorsEvaluator(BrowserProfile.CHROMIUM);
    private final CorsEvaluator spec = new CorsEvaluator(BrowserProfile.SPEC);

    @Test
    void wildcardOriginPassesUncredentialed() {
        Verdict verdict = chromium.evaluateResponse(get(), response(200, "Access-Control-Allow-Origin: *"));

        assertThat(verdict.allowed(), is(true));
        assertThat(verdict.findings(), is(empty()));
        assertThat(verdict.profile(), equalTo(BrowserProfile.CHROMIUM));
    }

    @Test
    void echoedOriginPasses() {
        Verdict verdict = chromium.evaluateResponse(get(), response(200, "Access-Control-Allow-Origin: " + PAGE));

        assertThat(verdict.allowed(), is(true));
    }

    @Test
    void originWithTrailingSlashMismatches() {
        Verdict verdict = chromium.evaluateResponse(get(), response(200, "Access-Control-Allow-Origin: " + PAGE + "/"));

        assertThat(ruleIds(verdict), contains(CorsRuleIds.ALLOW_ORIGIN_MISMATCH));
        assertThat(verdict.findings().get(0).message(), containsString("\"https://app.element.io/\""));
    }

    @Test
    void commaListOfOriginsCountsAsMultiple() {
        Verdict verdict = chromium.evaluateResponse(
                get(), response(200, "Access-Control-Allow-Origin: " + PAGE + ", https://other.example"));

        assertThat(ruleIds(verdict), contains(CorsRuleIds.ALLOW_ORIGIN_MULTIPLE));
    }

    @Test
    void wildcardOriginFailsCredentialedRequest() {
        BrowserRequest request = get().withCredentials(CredentialsMode.INCLUDE);

        Verdict verdict = chromium.evaluateResponse(
                request, response(200, "Access-Control-Allow-Origin: *", "Access-Control-Allow-Credentials: true"));

        assertThat(ruleIds(verdict), contains(CorsRuleIds.ALLOW_ORIGIN_WILDCARD_WITH_CREDENTIALS));
    }

    @Test
    void credentialedRequestNeedsExactlyTrue() {
        BrowserRequest request = get().withCredentials(CredentialsMode.INCLUDE);

        for (String credentials : List.of("True", "true, true", "1")) {
            Verdict verdict = chromium.evaluateResponse(
                    request,
                    response(
                            200,
                            "Access-Control-Allow-Origin: " + PAGE,
                            "Access-Control-Allow-Credentials: " + credentials));

            assertThat(credentials, ruleIds(verdict), contains(CorsRuleIds.ALLOW_CREDENTIALS_MISSING));
        }
        Verdict absent = chromium.evaluateResponse(request, response(200, "Access-Control-Allow-Origin: " + PAGE));
        assertThat(absent.findings().get(0).message(), containsString("Access-Control-Allow-Credentials is absent"));

        Verdict exact = chromium.evaluateResponse(
                request,
                response(200, "Access-Control-Allow-Origin: " + PAGE, "Access-Control-Allow-Credentials: true"));
        assertThat(exact.allowed(), is(true));
    }

    @Test
    void taintedOriginAcceptsOnlyWildcardOrNull() {
        Hop redirect = hop(SYNC, PAGE, 302, "Location: https://media.example.net/x", "Access-Control-Allow-Origin: *");
        URI target = URI.create("https://media.example.net/x");
        Hop echoing = hop(target, "null", 200, "Access-Control-Allow-Origin: " + PAGE);
        Hop nullOrigin = hop(target, "null", 200, "Access-Control-Allow-Origin: null");

        Verdict echoed = chromium.evaluateResponse(get(), new Exchange(List.of(redirect, echoing)));
        Verdict allowedNull = chromium.evaluateResponse(get(), new Exchange(List.of(redirect, nullOrigin)));

        assertThat(ruleIds(echoed), contains(CorsRuleIds.ALLOW_ORIGIN_MISMATCH));
        assertThat(echoed.findings().get(0).message(), containsString("GET https://media.example.net/x"));
        assertThat(allowedNull.allowed(), is(true));
    }

    @Test
    void stopsAtFirstFailingHop() {
        Hop redirect = hop(SYNC, PAGE, 302, "Location: /_matrix/client/v3/sync/");
        Hop target = hop(URI.create(SYNC + "/"), PAGE, 404);

        Verdict verdict = chromium.evaluateResponse(get(), new Exchange(List.of(redirect, target)));

        assertThat(ruleIds(verdict), contains(CorsRuleIds.REDIRECT_ALLOW_ORIGIN_MISSING));
    }

    @Test
    void redirectToCredentialsInUrlFails() {
        Hop redirect =
                hop(SYNC, PAGE, 302, "Location: https://user:pw@matrix.example.org/", "Access-Control-Allow-Origin: *");

        Verdict verdict = chromium.evaluateResponse(get(), new Exchange(List.of(redirect)));

        assertThat(ruleIds(verdict), contains(CorsRuleIds.REDIRECT_CREDENTIALS_IN_URL));
    }

    @Test
    void methodListIsCaseSensitive() {
        Verdict verdict = chromium.evaluatePreflight(
                authenticated("PUT"), preflight("Access-Control-Allow-Methods: get, put", allHeaders(), maxAge()));

        assertThat(ruleIds(verdict), contains(CorsRuleIds.ALLOW_METHODS_MISSING_METHOD));
        assertThat(verdict.findings().get(0).message(), containsString("only in another case"));
    }

    @Test
    void safelistedMethodNeedsNoListing() {
        Verdict verdict = chromium.evaluatePreflight(authenticated("POST"), preflight(allHeaders(), maxAge()));

        assertThat(verdict.allowed(), is(true));
    }

    @Test
    void missingMethodsHeaderBlocksPut() {
        Verdict verdict = chromium.evaluatePreflight(authenticated("PUT"), preflight(allHeaders(), maxAge()));

        assertThat(ruleIds(verdict), contains(CorsRuleIds.ALLOW_METHODS_MISSING_METHOD));
        assertThat(
                verdict.findings().get(0).message(),
                containsString("Access-Control-Allow-Methods is absent on the 204 preflight response to OPTIONS"
                        + " /_matrix/client/v3/sync, so the browser allows only GET, HEAD and POST and blocks PUT."));
    }

    @Test
    void methodWildcardDependsOnCredentials() {
        Exchange preflight = preflight(
                "Access-Control-Allow-Methods: *", allHeaders(), maxAge(), "Access-Control-Allow-Credentials: true");

        assertThat(
                chromium.evaluatePreflight(authenticated("DELETE"), preflight).allowed(), is(true));
        assertThat(
                ruleIds(chromium.evaluatePreflight(
                        authenticated("DELETE").withCredentials(CredentialsMode.INCLUDE),
                        preflightEchoing(
                                "Access-Control-Allow-Methods: *",
                                allHeaders(),
                                maxAge(),
                                "Access-Control-Allow-Credentials: true"))),
                contains(CorsRuleIds.ALLOW_METHODS_WILDCARD_WITH_CREDENTIALS));
    }

    @Test
    void headerListIsCaseInsensitiveAndCombined() {
        Verdict verdict = chromium.evaluatePreflight(
                authenticated("GET"),
                preflight(
                        "Access-Control-Allow-Headers: AUTHORIZATION",
                        "Access-Control-Allow-Headers: content-TYPE",
                        maxAge()));

        assertThat(verdict.allowed(), is(true));
        assertThat(verdict.findings(), is(empty()));
    }

    @Test
    void invalidTokenFailsWholePreflight() {
        Verdict verdict = chromium.evaluatePreflight(
                authenticated("GET"), preflight("Access-Control-Allow-Headers: Authorization; Content-Type", maxAge()));

        assertThat(ruleIds(verdict), contains(CorsRuleIds.ALLOW_HEADERS_INVALID));
        assertThat(verdict.findings().get(0).message(), containsString("\"Authorization; Content-Type\""));
    }

    @Test
    void invalidMethodTokenFailsWholePreflight() {
        Verdict verdict = chromium.evaluatePreflight(
                authenticated("GET"), preflight("Access-Control-Allow-Methods: \"GET\"", allHeaders(), maxAge()));

        assertThat(ruleIds(verdict), contains(CorsRuleIds.ALLOW_METHODS_INVALID));
        assertThat(verdict.allowed(), is(false));
    }

    @Test
    void specWildcardCoversCustomHeader() {
        BrowserRequest request = BrowserRequest.of("GET", SYNC, PAGE).withHeader("X-Custom", "1");

        Verdict verdict = spec.evaluatePreflight(request, preflight("Access-Control-Allow-Headers: *", maxAge()));

        assertThat(verdict.allowed(), is(true));
        assertThat(verdict.profile(), equalTo(BrowserProfile.SPEC));
    }

    @Test
    void maxAgeFindingsFollowProfile() {
        Exchange invalid = preflight(allHeaders(), "Access-Control-Max-Age: forever");
        Exchange duplicated = preflight(allHeaders(), "Access-Control-Max-Age: 600", "Access-Control-Max-Age: 600");
        Exchange tooLong = preflight(allHeaders(), "Access-Control-Max-Age: 86400");

        assertThat(
                ruleIds(chromium.evaluatePreflight(authenticated("GET"), invalid)),
                contains(CorsRuleIds.MAX_AGE_INVALID));
        assertThat(
                ruleIds(chromium.evaluatePreflight(authenticated("GET"), duplicated)),
                contains(CorsRuleIds.MAX_AGE_MULTIPLE));
        Verdict capped = new CorsEvaluator(BrowserProfile.WEBKIT).evaluatePreflight(authenticated("GET"), tooLong);
        assertThat(ruleIds(capped), contains(CorsRuleIds.MAX_AGE_CAPPED));
        assertThat(capped.findings().get(0).severity(), equalTo(Severity.INFO));
        assertThat(
                capped.findings().get(0).message(),
                containsString("WebKit (Safari), which caches the preflight for 600 s"));
        assertThat(chromium.preflightCacheLifetime(tooLong), equalTo(Duration.ofHours(2)));
        assertThat(chromium.preflightCacheLifetime(invalid), equalTo(Duration.ofSeconds(5)));
    }

    @Test
    void evaluateRequiresPreflightWhenNeeded() {
        IllegalArgumentException failure = assertThrows(
                IllegalArgumentException.class,
                () -> chromium.evaluate(authenticated("PUT"), null, response(200, "Access-Control-Allow-Origin: *")));

        assertThat(failure.getMessage(), containsString("Probe.preflight(request)"));
    }

    @Test
    void evaluateOrdersErrorsFirst() {
        Exchange preflight = preflight(allHeaders());
        Exchange actual = response(404);

        Verdict verdict = chromium.evaluate(authenticated("GET"), preflight, actual);

        assertThat(ruleIds(verdict), contains(CorsRuleIds.ALLOW_ORIGIN_MISSING, CorsRuleIds.MAX_AGE_MISSING));
        assertThat(verdict.findingsAtLeast(Severity.ERROR), hasSize(1));
    }

    private static BrowserRequest get() {
        return BrowserRequest.of("GET", SYNC, PAGE);
    }

    private static BrowserRequest authenticated(String method) {
        return BrowserRequest.of(method, SYNC, PAGE)
                .withHeader("Authorization", "Bearer x")
                .withHeader("Content-Type", "application/json");
    }

    private static String allHeaders() {
        return "Access-Control-Allow-Headers: Authorization, Content-Type";
    }

    private static String maxAge() {
        return "Access-Control-Max-Age: 600";
    }

    private static Exchange response(int status, String... lines) {
        return new Exchange(List.of(hop(SYNC, PAGE, status, lines)));
    }

    private static Exchange preflight(String... lines) {
        List<String> all = new ArrayList<>(List.of("Access-Control-Allow-Origin: *"));
        all.addAll(List.of(lines));
        return new Exchange(List.of(optionsHop(all)));
    }

    private static Exchange preflightEchoing(String... lines) {
        List<String> all = new ArrayList<>(List.of("Access-Control-Allow-Origin: " + PAGE));
        all.addAll(List.of(lines));
        return new Exchange(List.of(optionsHop(all)));
    }

    private static Hop optionsHop(List<String> lines) {
        SentRequest sent = new SentRequest("OPTIONS", SYNC, List.of(new HeaderLine("Origin", PAGE)));
        return new Hop(sent, 204, "No Content", headerLines(lines));
    }

    private static Hop hop(URI url, String origin, int status, String... lines) {
        SentRequest sent = new SentRequest("GET", url, List.of(new HeaderLine("Origin", origin)));
        return new Hop(sent, status, "", headerLines(List.of(lines)));
    }

    private static List<HeaderLine> headerLines(List<String> lines) {
        return lines.stream()
                .map(line -> new HeaderLine(
                        line.substring(0, line.indexOf(':')),
                        line.substring(line.indexOf(':') + 1).trim()))
                .toList();
    }

    private static List<String> ruleIds(Verdict verdict) {
        return verdict.findings().stream().map(Finding::ruleId).toList();
    }
}
