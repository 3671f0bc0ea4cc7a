package io.github.matrixcors.examples.browser;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.matrixcors.cors.BrowserRequest;
import io.github.matrixcors.examples.browser.ScriptedCorsServer.ReceivedRequest;
import io.github.matrixcors.examples.browser.ScriptedCorsServer.ScriptedResponse;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Checks the Chromium harness against an in-process server whose responses are scripted, so every outcome is known
 * beforehand: allowed calls must be seen by the script, blocked ones must fail with a {@code TypeError} and a console
 * message saying why.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HeadlessChromiumTest {

    private ScriptedCorsServer server;
    private HeadlessChromium chromium;
    private final Map<String, BrowserOutcome> outcomes = new LinkedHashMap<>();

    @BeforeAll
    void runEveryScriptedCall() {
        server = new ScriptedCorsServer();
        ScriptedCorsCases.install(server);
        chromium = new HeadlessChromium();

        List<BrowserCall> calls = new ArrayList<>(ScriptedCorsCases.calls(chromium, server.baseUri()));
        calls.add(get("/redirect-to-remote-host"));
        for (BrowserOutcome outcome : chromium.run(calls)) {
            outcomes.put(outcome.call().name(), outcome);
        }
    }

    @AfterAll
    void stop() {
        if (chromium != null) {
            chromium.close();
        }
        if (server != null) {
            server.close();
        }
    }

    @Test
    void preflightedPutAllowed() {
        BrowserOutcome outcome = outcomes.get("/good");

        assertThat(outcome.summary(), outcome.allowed(), is(true));
        assertThat(outcome.status(), equalTo(200));
        assertThat(outcome.error(), nullValue());
        assertThat(outcome.console(), empty());
    }

    @Test
    void exposedHeadersOnlyReadable() {
        Map<String, String> readable = outcomes.get("/good").readableHeaders();

        assertThat(readable, hasKey("synapse-trace-id"));
        assertThat(readable, hasKey("content-type"));
        assertThat(readable, not(hasKey("x-hidden")));
    }

    @Test
    void preflightCarriesFetchHeaders() {
        List<ReceivedRequest> received = server.receivedFor("/good");

        assertThat(received, hasSize(2));
        ReceivedRequest preflight = received.get(0);
        assertThat(preflight.method(), equalTo("OPTIONS"));
        assertThat(preflight.header("Origin"), equalTo(chromium.origin()));
        assertThat(preflight.header("Access-Control-Request-Method"), equalTo("PUT"));
        assertThat(preflight.header("Access-Control-Request-Headers"), equalTo("authorization,content-type"));
        assertThat(preflight.header("Authorization"), nullValue());
        assertThat(received.get(1).method(), equalTo("PUT"));
        assertThat(received.get(1).header("Authorization"), equalTo("Bearer harness-token"));
    }

    @Test
    void loopbackNeedsNoLocalNetworkHeaders() {
        ReceivedRequest preflight = server.receivedFor("/good").get(0);

        assertThat(preflight.header("Access-Control-Request-Private-Network"), nullValue());
        assertThat(preflight.header("Access-Control-Request-Local-Network"), nullValue());
    }

    @Test
    void simpleGetNotPreflighted() {
        BrowserOutcome outcome = outcomes.get("/simple");

        assertThat(outcome.summary(), outcome.allowed(), is(true));
        assertThat(server.receivedFor("/simple"), hasSize(1));
        assertThat(server.receivedFor("/simple").get(0).method(), equalTo("GET"));
    }

    @Test
    void missingAllowOriginBlocked() {
        assertBlocked("/no-allow-origin", "No 'Access-Control-Allow-Origin' header is present");
    }

    @Test
    void duplicateAllowOriginBlocked() {
        assertBlocked("/duplicate-allow-origin", "contains multiple values '*, *'");
    }

    @Test
    void preflightErrorStatusBlocked() {
        assertBlocked("/preflight-404", "Response to preflight request doesn't pass access control check");
        assertBlocked("/preflight-404-with-cors", "It does not have HTTP ok status");
        assertThat(server.receivedFor("/preflight-404"), hasSize(1));
    }

    @Test
    void preflightRedirectBlocked() {
        assertBlocked("/preflight-redirect", "Redirect is not allowed for a preflight request");
    }

    @Test
    void authorizationMissingFromAllowHeadersBlocked() {
        assertBlocked("/authorization-not-allowed", "Request header field authorization is not allowed");
    }

    @Test
    void wildcardAllowHeadersCoversAuthorizationInChromium() {
        // In the Fetch Standard "*" never covers Authorization; Chromium still lets it through (measured here).
        BrowserOutcome outcome = outcomes.get("/wildcard-allow-headers");

        assertThat(outcome.summary(), outcome.allowed(), is(true));
        assertThat(outcome.status(), equalTo(200));
    }

    @Test
    void methodMissingFromAllowMethodsBlocked() {
        assertBlocked("/method-not-allowed", "Method PUT is not allowed by Access-Control-Allow-Methods");
    }

    @Test
    void errorWithCorsReadable() {
        BrowserOutcome outcome = outcomes.get("/unauthorized");

        assertThat(outcome.summary(), outcome.allowed(), is(true));
        assertThat(outcome.status(), equalTo(401));
    }

    @Test
    void errorWithoutCorsBlocked() {
        assertBlocked("/unauthorized-without-cors", "No 'Access-Control-Allow-Origin' header is present");
    }

    @Test
    void redirectWithCorsFollowed() {
        BrowserOutcome outcome = outcomes.get("/redirect-with-cors");

        assertThat(outcome.summary(), outcome.allowed(), is(true));
        assertThat(outcome.status(), equalTo(200));
        assertThat(server.receivedFor("/redirect-target"), hasSize(1));
    }

    @Test
    void redirectWithoutCorsBlocked() {
        assertBlocked("/redirect-without-cors", "No 'Access-Control-Allow-Origin' header is present");
        assertThat(server.receivedFor("/target-of-bare-redirect"), empty());
    }

    @Test
    void uniqueUrlsPreflightAgain() {
        server.route(
                "/cached",
                request -> request.method().equals("OPTIONS")
                        ? ScriptedResponse.of(204, withMaxAge600())
                        : ScriptedResponse.of(200, ScriptedCorsCases.SYNAPSE_CORS));

        BrowserOutcome first = chromium.run(put("/cached"));
        BrowserOutcome second = chromium.run(put("/cached"));

        assertThat(first.summary(), first.allowed(), is(true));
        assertThat(second.summary(), second.allowed(), is(true));
        List<String> methods = server.receivedFor("/cached").stream()
                .map(ReceivedRequest::method)
                .toList();
        assertThat(methods, equalTo(List.of("OPTIONS", "PUT", "OPTIONS", "PUT")));
    }

    @Test
    void uniqueUrlReplacesEarlierCounter() {
        URI first = chromium.uniqueUrl(URI.create("http://localhost:1/a?x=1"));
        URI second = chromium.uniqueUrl(first);

        assertThat(first.getRawQuery(), matchesPattern("x=1&matrixcors=[0-9]+"));
        assertThat(second.getRawQuery(), matchesPattern("x=1&matrixcors=[0-9]+"));
        assertThat(second, not(equalTo(first)));
    }

    @Test
    void networkChangeDetected() {
        BrowserCall call = get("/simple");
        BrowserOutcome interrupted = new BrowserOutcome(
                call,
                false,
                0,
                Map.of(),
                "TypeError: Failed to fetch",
                false,
                List.of("SEVERE " + call.request().url() + " - Failed to load resource: net::ERR_NETWORK_CHANGED"),
                3);
        BrowserOutcome blocked = new BrowserOutcome(
                call, false, 0, Map.of(), "TypeError: Failed to fetch", false, List.of("blocked by CORS policy"), 3);

        assertThat(HeadlessChromium.interruptedByNetworkChange(interrupted), is(true));
        assertThat(HeadlessChromium.interruptedByNetworkChange(blocked), is(false));
    }

    @Test
    void reusedUrlRejected() {
        BrowserCall call = outcomes.get("/good").call();

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> chromium.run(call));

        assertThat(error.getMessage(), containsString("already fetched"));
        assertThat(error.getMessage(), containsString("uniqueUrl"));
    }

    @Test
    void nonLoopbackTargetRejected() {
        BrowserRequest request = BrowserRequest.of("GET", URI.create("http://matrix.example.org/"), chromium.origin());

        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> chromium.run(BrowserCall.of("remote", request)));

        assertThat(error.getMessage(), containsString("only fetches http URLs on localhost"));
    }

    @Test
    void foreignOriginRejected() {
        URI url = chromium.uniqueUrl(server.baseUri().resolve("/good"));
        BrowserRequest request = BrowserRequest.of("GET", url, "https://app.element.io");

        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> chromium.run(BrowserCall.of("foreign", request)));

        assertThat(error.getMessage(), startsWith("call 'foreign' has origin https://app.element.io"));
    }

    private void assertBlocked(String name, String consoleExplanation) {
        BrowserOutcome outcome = outcomes.get(name);

        assertThat(outcome.summary(), outcome.allowed(), is(false));
        assertThat(outcome.status(), equalTo(0));
        assertThat(outcome.error(), startsWith("TypeError"));
        assertThat(outcome.timedOut(), is(false));
        assertThat(String.join("\n", outcome.console()), containsString(consoleExplanation));
        assertThat(outcome.console(), hasItem(containsString("blocked by CORS policy")));
    }

    private BrowserCall put(String path) {
        return ScriptedCorsCases.put(chromium, server.baseUri(), path);
    }

    private BrowserCall get(String path) {
        return ScriptedCorsCases.get(chromium, server.baseUri(), path);
    }

    private static String[] withMaxAge600() {
        List<String> lines = new ArrayList<>(List.of(ScriptedCorsCases.SYNAPSE_CORS));
        lines.add("Access-Control-Max-Age");
        lines.add("600");
        return lines.toArray(String[]::new);
    }
}
