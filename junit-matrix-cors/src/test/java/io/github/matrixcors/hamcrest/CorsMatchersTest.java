package io.github.matrixcors.hamcrest;

import static io.github.matrixcors.hamcrest.CorsMatchers.allowsMethod;
import static io.github.matrixcors.hamcrest.CorsMatchers.allowsMethods;
import static io.github.matrixcors.hamcrest.CorsMatchers.allowsOrigin;
import static io.github.matrixcors.hamcrest.CorsMatchers.allowsRequestHeaders;
import static io.github.matrixcors.hamcrest.CorsMatchers.compliesWithMatrixRules;
import static io.github.matrixcors.hamcrest.CorsMatchers.hasMaxAge;
import static io.github.matrixcors.hamcrest.CorsMatchers.hasMaxAgeAtLeast;
import static io.github.matrixcors.hamcrest.CorsMatchers.hasSingleAllowOrigin;
import static io.github.matrixcors.hamcrest.CorsMatchers.isSuccessfulPreflight;
import static io.github.matrixcors.hamcrest.CorsMatchers.passesBrowserCheck;
import static io.github.matrixcors.hamcrest.CorsMatchers.passesPreflightCheck;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.matrixcors.cors.BrowserProfile;
import io.github.matrixcors.cors.BrowserRequest;
import io.github.matrixcors.cors.Finding;
import io.github.matrixcors.cors.Severity;
import io.github.matrixcors.http.Exchange;
import io.github.matrixcors.http.HeaderLine;
import io.github.matrixcors.http.Hop;
import io.github.matrixcors.http.SentRequest;
import io.github.matrixcors.matrix.CheckKind;
import io.github.matrixcors.matrix.CheckResult;
import io.github.matrixcors.matrix.EndpointCatalogue;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.core5.http.message.BasicHttpResponse;
import org.hamcrest.Matcher;
import org.hamcrest.StringDescription;
import org.junit.jupiter.api.Test;

class CorsMatchersTest {

    private static final String ORIGIN = "https://app.element.io";
    private static final URI SYNC = URI.create("http://localhost:8008/_matrix/client/v3/sync");
    private static final SentRequest PREFLIGHT = new SentRequest(
            "OPTIONS",
            SYNC,
            List.of(
                    new HeaderLine("Access-Control-Request-Method", "GET"),
                    new HeaderLine("Access-Control-Request-Headers", "authorization"),
                    new HeaderLine("Origin", ORIGIN)));
    private static final SentRequest GET = new SentRequest(
            "GET", SYNC, List.of(new HeaderLine("Authorization", "Bearer x"), new HeaderLine("Origin", ORIGIN)));
    private static final BrowserRequest REQUEST =
            BrowserRequest.of("GET", SYNC, ORIGIN).withHeader("Authorization", "Bearer x");

    @Test
    void assertionMessageAsDocumented() {
        SentRequest versions = new SentRequest(
                "GET",
                URI.create("http://localhost:8008/_matrix/client/versions"),
                List.of(new HeaderLine("Origin", ORIGIN)));
        Hop hop = hop(versions, 200, "OK", "Access-Control-Allow-Origin", "*", "Access-Control-Allow-Origin", "*");

        AssertionError error = assertThrows(AssertionError.class, () -> assertThat(hop, allowsOrigin(ORIGIN)));

        assertEquals(
                "\nExpected: a response whose Access-Control-Allow-Origin allows \"https://app.element.io\"\n"
                        + "     but: 1 violation:\n"
                        + "  1. Access-Control-Allow-Origin has 2 lines (\"*\", \"*\"), which browsers combine into"
                        + " \"*, *\"\n"
                        + "request:\n"
                        + "  GET http://localhost:8008/_matrix/client/versions\n"
                        + "  Origin: https://app.element.io\n"
                        + "response:\n"
                        + "  200 OK\n"
                        + "  Access-Control-Allow-Origin: *\n"
                        + "  Access-Control-Allow-Origin: *",
                error.getMessage());
    }

    @Test
    void successfulPreflightDescription() {
        assertEquals(
                "a successful CORS preflight response (status 200-299, one valid Access-Control-Allow-Origin, valid"
                        + " Access-Control-Allow-Methods and Access-Control-Allow-Headers lists)",
                description(isSuccessfulPreflight()));
    }

    @Test
    void successfulPreflightMatchesSynapse() {
        assertThat(synapsePreflight(), isSuccessfulPreflight());
    }

    @Test
    void successfulPreflightListsEveryViolation() {
        Hop hop = hop(
                PREFLIGHT,
                301,
                "Moved Permanently",
                "Access-Control-Allow-Origin",
                "*",
                "Access-Control-Allow-Origin",
                "*",
                "Access-Control-Allow-Methods",
                "GET;POST");

        assertEquals(
                "3 violations:\n"
                        + "  1. status is 301, not 200-299, and browsers never follow a redirect of a preflight\n"
                        + "  2. Access-Control-Allow-Origin has 2 lines (\"*\", \"*\"), which browsers combine into"
                        + " \"*, *\"\n"
                        + "  3. Access-Control-Allow-Methods \"GET;POST\" has the invalid element \"GET;POST\", so"
                        + " browsers fail the whole preflight\n"
                        + "request:\n"
                        + "  OPTIONS http://localhost:8008/_matrix/client/v3/sync\n"
                        + "  Access-Control-Request-Method: GET\n"
                        + "  Access-Control-Request-Headers: authorization\n"
                        + "  Origin: https://app.element.io\n"
                        + "response:\n"
                        + "  301 Moved Permanently\n"
                        + "  Access-Control-Allow-Origin: *\n"
                        + "  Access-Control-Allow-Origin: *\n"
                        + "  Access-Control-Allow-Methods: GET;POST",
                mismatch(isSuccessfulPreflight(), hop));
    }

    @Test
    void allowsOriginDescription() {
        assertEquals(
                "a response whose Access-Control-Allow-Origin allows \"https://app.element.io\"",
                description(allowsOrigin(ORIGIN)));
    }

    @Test
    void allowsOriginAcceptsWildcardAndEcho() {
        assertThat(hop(GET, 200, "OK", "Access-Control-Allow-Origin", "*"), allowsOrigin(ORIGIN));
        assertThat(hop(GET, 200, "OK", "access-control-allow-origin", ORIGIN), allowsOrigin(ORIGIN));
    }

    @Test
    void allowsOriginRejectsOtherOrigin() {
        Hop hop = hop(GET, 401, "Unauthorized", "Access-Control-Allow-Origin", "https://example.org");

        assertEquals(
                "1 violation:\n"
                        + "  1. Access-Control-Allow-Origin is \"https://example.org\", not * or"
                        + " \"https://app.element.io\"\n"
                        + "request:\n"
                        + "  GET http://localhost:8008/_matrix/client/v3/sync\n"
                        + "  Authorization: Bearer <hidden>\n"
                        + "  Origin: https://app.element.io\n"
                        + "response:\n"
                        + "  401 Unauthorized\n"
                        + "  Access-Control-Allow-Origin: https://example.org",
                mismatch(allowsOrigin(ORIGIN), hop));
    }

    @Test
    void allowsOriginChecksEveryRedirect() {
        SentRequest target = new SentRequest("GET", URI.create("http://localhost:8008/client.json"), List.of());
        Exchange exchange = new Exchange(List.of(
                hop(GET, 302, "Found", "Location", "/client.json"),
                hop(target, 200, "OK", "Access-Control-Allow-Origin", "*")));

        String mismatch = mismatch(allowsOrigin(ORIGIN), exchange);

        assertTrue(
                mismatch.startsWith("1 violation:\n  1. response 1 (302): Access-Control-Allow-Origin is absent\n"
                        + "request 1:\n  GET http://localhost:8008/_matrix/client/v3/sync\n"),
                mismatch);
        assertTrue(
                mismatch.contains("\nrequest 2:\n  GET http://localhost:8008/client.json\nresponse 2:\n  200 OK\n"
                        + "  Access-Control-Allow-Origin: *"),
                mismatch);
    }

    @Test
    void allowsOriginWithMatcher() {
        Matcher<Object> matcher = allowsOrigin(startsWith("https://"));

        assertEquals(
                "a response with one Access-Control-Allow-Origin value that is a string starting with \"https://\"",
                description(matcher));
        assertThat(hop(GET, 200, "OK", "Access-Control-Allow-Origin", ORIGIN), matcher);
        assertTrue(mismatch(matcher, hop(GET, 200, "OK", "Access-Control-Allow-Origin", "*"))
                .startsWith("1 violation:\n  1. Access-Control-Allow-Origin \"*\" does not match: was \"*\"\n"));
    }

    @Test
    void singleAllowOriginRejectsCombinedValue() {
        Hop hop = hop(GET, 200, "OK", "Access-Control-Allow-Origin", "*, *");

        assertEquals(
                "a response with exactly one Access-Control-Allow-Origin value", description(hasSingleAllowOrigin()));
        assertTrue(mismatch(hasSingleAllowOrigin(), hop)
                .startsWith("1 violation:\n  1. Access-Control-Allow-Origin \"*, *\" holds more than one value\n"));
    }

    @Test
    void allowsMethodComparesCase() {
        Hop hop = hop(PREFLIGHT, 204, "No Content", "Access-Control-Allow-Methods", "get, put");

        assertEquals(
                "a preflight response whose Access-Control-Allow-Methods allows PUT", description(allowsMethod("PUT")));
        assertTrue(mismatch(allowsMethod("PUT"), hop)
                .startsWith("1 violation:\n  1. Access-Control-Allow-Methods \"get, put\" lists PUT in another case,"
                        + " but browsers compare methods case-sensitively\n"));
    }

    @Test
    void allowsMethodsReportsEachMissing() {
        Hop hop = hop(PREFLIGHT, 204, "No Content", "Access-Control-Allow-Methods", "GET, POST");

        assertTrue(mismatch(allowsMethods("GET", "PUT", "DELETE"), hop)
                .startsWith("2 violations:\n"
                        + "  1. Access-Control-Allow-Methods \"GET, POST\" does not list PUT\n"
                        + "  2. Access-Control-Allow-Methods \"GET, POST\" does not list DELETE\n"));
    }

    @Test
    void allowsMethodSafelistedWithoutList() {
        Hop hop = hop(PREFLIGHT, 204, "No Content");

        assertThat(hop, allowsMethod("GET"));
        assertTrue(mismatch(allowsMethod("DELETE"), hop)
                .startsWith("1 violation:\n  1. Access-Control-Allow-Methods is absent, so only GET, HEAD and POST"
                        + " are allowed, not DELETE\n"));
    }

    @Test
    void allowsRequestHeadersWildcardSkipsAuthorization() {
        Hop hop = hop(PREFLIGHT, 204, "No Content", "Access-Control-Allow-Headers", "*");

        assertEquals(
                "a preflight response whose Access-Control-Allow-Headers allows Authorization, Content-Type",
                description(allowsRequestHeaders("Authorization", "Content-Type")));
        assertTrue(mismatch(allowsRequestHeaders("Authorization", "Content-Type"), hop)
                .startsWith("1 violation:\n  1. Access-Control-Allow-Headers \"*\" covers Authorization only through"
                        + " *, which the Fetch Standard does not allow\n"));
    }

    @Test
    void allowsRequestHeadersIgnoresCase() {
        Hop hop = hop(PREFLIGHT, 204, "No Content", "Access-Control-Allow-Headers", "authorization, CONTENT-TYPE");

        assertThat(hop, allowsRequestHeaders("Authorization", "content-type"));
    }

    @Test
    void maxAgeAtLeast() {
        Matcher<Object> matcher = hasMaxAgeAtLeast(600);

        assertEquals("a preflight response with an Access-Control-Max-Age of at least 600 s", description(matcher));
        assertThat(hop(PREFLIGHT, 204, "No Content", "Access-Control-Max-Age", "7200"), matcher);
        assertTrue(mismatch(matcher, hop(PREFLIGHT, 204, "No Content", "Access-Control-Max-Age", "60"))
                .startsWith("1 violation:\n  1. Access-Control-Max-Age 60 s does not match: <60L> was less than"
                        + " <600L>\n"));
        assertTrue(mismatch(matcher, hop(PREFLIGHT, 204, "No Content"))
                .startsWith("1 violation:\n  1. Access-Control-Max-Age is absent, so browsers cache the preflight for"
                        + " 5 s\n"));
    }

    @Test
    void maxAgeDuplicatedOrInvalid() {
        Hop duplicated = hop(PREFLIGHT, 204, "", "Access-Control-Max-Age", "600", "Access-Control-Max-Age", "600");
        Hop invalid = hop(PREFLIGHT, 204, "", "Access-Control-Max-Age", "10m");

        assertTrue(mismatch(hasMaxAgeAtLeast(1), duplicated)
                .startsWith("1 violation:\n  1. Access-Control-Max-Age has 2 lines (\"600\", \"600\"), which browsers"
                        + " treat as invalid\n"));
        assertTrue(mismatch(hasMaxAgeAtLeast(1), invalid)
                .startsWith("1 violation:\n  1. Access-Control-Max-Age \"10m\" is not a number of seconds\n"));
    }

    @Test
    void maxAgeWithMatcherDescription() {
        assertEquals(
                "a preflight response with an Access-Control-Max-Age in seconds that is <7200L>",
                description(hasMaxAge(equalTo(7200L))));
    }

    @Test
    void browserCheckOnRecordedExchange() {
        Exchange ok = new Exchange(List.of(hop(GET, 200, "OK", "Access-Control-Allow-Origin", "*")));
        Exchange doubled = new Exchange(
                List.of(hop(GET, 200, "OK", "Access-Control-Allow-Origin", "*", "Access-Control-Allow-Origin", "*")));

        assertEquals(
                "a response that Chromium lets through for GET http://localhost:8008/_matrix/client/v3/sync from"
                        + " https://app.element.io",
                description(passesBrowserCheck(REQUEST)));
        assertThat(ok, passesBrowserCheck(REQUEST));
        String mismatch = mismatch(passesBrowserCheck(REQUEST), doubled);
        assertTrue(mismatch.startsWith("1 violation:\n  1. cors.allow-origin.multiple: "), mismatch);
    }

    @Test
    void browserCheckJudgesRecordedPreflight() {
        Hop preflight = hop(PREFLIGHT, 204, "No Content", "Access-Control-Allow-Origin", "*");

        String mismatch = mismatch(passesBrowserCheck(REQUEST), preflight);

        assertTrue(mismatch.startsWith("1 violation:\n  1. cors.allow-headers.missing-header: "), mismatch);
    }

    @Test
    void preflightCheckOnHttpClientResponse() {
        BasicHttpResponse response = new BasicHttpResponse(204, "No Content");
        response.addHeader("Access-Control-Allow-Origin", "*");
        response.addHeader("Access-Control-Allow-Headers", "*");

        Matcher<Object> spec = passesPreflightCheck(REQUEST, BrowserProfile.SPEC);
        String mismatch = mismatch(spec, response);

        assertThat(response, passesPreflightCheck(REQUEST));
        assertEquals(
                "a preflight response that the Fetch Standard accepts for GET"
                        + " http://localhost:8008/_matrix/client/v3/sync from https://app.element.io",
                description(spec));
        assertTrue(mismatch.startsWith("1 violation:\n  1. cors.allow-headers.wildcard-authorization: "), mismatch);
        assertTrue(
                mismatch.endsWith(
                        "\nrequest: not recorded in an HttpClient response\n"
                                + "response:\n  204 No Content\n  Access-Control-Allow-Origin: *\n  Access-Control-Allow-Headers: *"),
                mismatch);
    }

    @Test
    void headerMatchersOnHttpClientResponse() {
        BasicHttpResponse response = new BasicHttpResponse(200, "OK");
        response.addHeader("Access-Control-Allow-Origin", "*");
        response.addHeader("Access-Control-Allow-Origin", "*");

        assertThat(response, not(hasSingleAllowOrigin()));
        assertEquals(
                "1 violation:\n"
                        + "  1. Access-Control-Allow-Origin has 2 lines (\"*\", \"*\"), which browsers combine into"
                        + " \"*, *\"\n"
                        + "request: not recorded in an HttpClient response\n"
                        + "response:\n"
                        + "  200 OK\n"
                        + "  Access-Control-Allow-Origin: *\n"
                        + "  Access-Control-Allow-Origin: *",
                mismatch(allowsOrigin(ORIGIN), response));
    }

    @Test
    void matrixRulesOnCheckResult() {
        Hop hop = hop(GET, 404, "Not Found");
        CheckResult result = checkResult(
                hop,
                new Finding(
                        "matrix.cors.missing-on-error",
                        Severity.ERROR,
                        "The 404 response has no CORS.",
                        hop,
                        List.of()),
                new Finding("cors.max-age.missing", Severity.WARNING, "No max age.", hop, List.of()));

        assertEquals(
                "a check result without errors under the CORS and Matrix rules",
                description(compliesWithMatrixRules()));
        assertTrue(mismatch(compliesWithMatrixRules(), result)
                .startsWith("1 violation:\n  1. ERROR matrix.cors.missing-on-error: The 404 response has no CORS.\n"
                        + "check: GET /_matrix/client/v3/sync from https://app.element.io\n"
                        + "request:\n"));
        assertTrue(mismatch(compliesWithMatrixRules(Severity.WARNING), result).startsWith("2 violations:\n"));
        assertEquals(
                "a check result without findings of severity WARNING or worse under the CORS and Matrix rules",
                description(compliesWithMatrixRules(Severity.WARNING)));
    }

    @Test
    void matrixRulesOnEveryItem() {
        Hop hop = hop(GET, 200, "OK", "Access-Control-Allow-Origin", "*");
        List<CheckResult> results = List.of(checkResult(hop), checkResult(hop));

        assertThat(results, everyItem(compliesWithMatrixRules()));
    }

    @Test
    void matrixRulesRejectPlainHop() {
        assertEquals(
                "was a Hop, but the Matrix rules are judged on a CheckResult from MatrixCorsChecker",
                mismatch(compliesWithMatrixRules(), hop(GET, 200, "OK")));
    }

    @Test
    void nullInputIsMismatch() {
        assertFalse(allowsOrigin(ORIGIN).matches(null));
        assertEquals("was null", mismatch(allowsOrigin(ORIGIN), null));
        assertEquals("was null", mismatch(compliesWithMatrixRules(), null));
    }

    @Test
    void wrongTypeIsMismatch() {
        assertFalse(isSuccessfulPreflight().matches("HTTP/1.1 204"));
        assertEquals(
                "was a java.lang.String, not an Exchange, Hop, CheckResult or org.apache.hc.core5.http.HttpResponse",
                mismatch(isSuccessfulPreflight(), "HTTP/1.1 204"));
    }

    @Test
    void checkResultWithoutResponse() {
        CheckResult failed = new CheckResult(
                "GET /x from https://app.element.io",
                EndpointCatalogue.standard().endpoints().get(0),
                ORIGIN,
                CheckKind.ACTUAL,
                List.of(new Finding("matrix.probe.failed", Severity.ERROR, "Connection refused.", null, List.of())),
                List.of());

        assertEquals(
                "was a check result without any response (the request failed)", mismatch(allowsOrigin(ORIGIN), failed));
        assertEquals(
                "1 violation:\n  1. ERROR matrix.probe.failed: Connection refused.\ncheck: GET /x from https://app.element.io",
                mismatch(compliesWithMatrixRules(), failed));
    }

    @Test
    void factoriesRejectNullArguments() {
        assertThrows(NullPointerException.class, () -> allowsOrigin((String) null));
        assertThrows(NullPointerException.class, () -> passesBrowserCheck(null));
        assertThrows(NullPointerException.class, () -> hasMaxAge(null));
    }

    @Test
    void factoriesRejectEmptyLists() {
        IllegalArgumentException methods = assertThrows(IllegalArgumentException.class, () -> allowsMethods());
        IllegalArgumentException headers = assertThrows(IllegalArgumentException.class, () -> allowsRequestHeaders());

        assertEquals(
                "allowsMethods() was given no value, so it would match any response: name at least one, for example"
                        + " allowsMethods(\"PUT\")",
                methods.getMessage());
        assertTrue(headers.getMessage().startsWith("allowsRequestHeaders() was given no value"), headers.getMessage());
    }

    private static Hop synapsePreflight() {
        return hop(
                PREFLIGHT,
                204,
                "No Content",
                "Access-Control-Allow-Origin",
                "*",
                "Access-Control-Allow-Methods",
                "GET, HEAD, POST, PUT, DELETE, OPTIONS",
                "Access-Control-Allow-Headers",
                "X-Requested-With, Content-Type, Authorization, Date");
    }

    private static CheckResult checkResult(Hop hop, Finding... findings) {
        return new CheckResult(
                "GET /_matrix/client/v3/sync from " + ORIGIN,
                EndpointCatalogue.standard()
                        .find("GET", "/_matrix/client/v3/sync")
                        .orElseThrow(),
                ORIGIN,
                CheckKind.ACTUAL,
                List.of(findings),
                List.of(new Exchange(List.of(hop))));
    }

    private static Hop hop(SentRequest request, int status, String reason, String... nameValuePairs) {
        List<HeaderLine> headers = new ArrayList<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            headers.add(new HeaderLine(nameValuePairs[i], nameValuePairs[i + 1]));
        }
        return new Hop(request, status, reason, headers);
    }

    private static String description(Matcher<?> matcher) {
        return StringDescription.toString(matcher);
    }

    private static String mismatch(Matcher<?> matcher, Object item) {
        StringDescription description = new StringDescription();
        matcher.describeMismatch(item, description);
        return description.toString();
    }
}
