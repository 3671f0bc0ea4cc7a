package io.github.matrixcors.cors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.github.matrixcors.http.Exchange;
import io.github.matrixcors.http.Probe;
import io.github.matrixcors.testing.ScriptedHttpServer;
import io.github.matrixcors.testing.ScriptedResponse;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Faults seen on real homeserver set-ups, served with exact header lines and judged end to end. */
class CorsScenariosTest {

    private static final String PAGE = "https://app.element.io";
    private static final String SYNC = "/_matrix/client/v3/sync";
    private static final String VERSIONS = "/_matrix/client/versions";
    private static final String WELL_KNOWN = "/.well-known/matrix/client";

    private ScriptedHttpServer server;
    private Probe probe;
    private final CorsEvaluator chromium = new CorsEvaluator(BrowserProfile.CHROMIUM);

    @BeforeEach
    void start() {
        server = ScriptedHttpServer.start();
        probe = Probe.builder()
                .connectTimeout(Duration.ofSeconds(2))
                .responseTimeout(Duration.ofSeconds(2))
                .build();
    }

    @AfterEach
    void stop() {
        probe.close();
        server.close();
    }

    @Test
    void proxyAddingSecondAllowOriginIsBlocked() {
        server.on(
                "GET",
                VERSIONS,
                ScriptedResponse.status(200)
                        .header("Access-Control-Allow-Origin", "*")
                        .header("Access-Control-Allow-Origin", "*")
                        .json("{}"));
        BrowserRequest request = get(VERSIONS);

        Verdict verdict = chromium.evaluateResponse(request, probe.fetch(request));

        Finding finding = only(verdict);
        assertThat(verdict.allowed(), is(false));
        assertThat(finding.ruleId(), equalTo(CorsRuleIds.ALLOW_ORIGIN_MULTIPLE));
        assertThat(finding.severity(), equalTo(Severity.ERROR));
        assertThat(finding.message(), containsString("has 2 lines (\"*\", \"*\")"));
        assertThat(finding.message(), containsString("combine them into \"*, *\""));
        assertThat(finding.message(), containsString("GET " + VERSIONS));
        assertThat(hint(finding, ProxyKind.NGINX), containsString("proxy_hide_header Access-Control-Allow-Origin"));
        assertThat(hint(finding, ProxyKind.CADDY), containsString("header_down"));
        assertThat(hint(finding, ProxyKind.APACHE), containsString("Header onsuccess unset"));
    }

    @Test
    void wellKnownRedirectWithoutCorsBlocked() {
        server.on("GET", WELL_KNOWN, ScriptedResponse.redirect(302, "https-less-target"));
        server.on(
                "GET",
                "/.well-known/matrix/https-less-target",
                ScriptedResponse.status(200)
                        .header("Access-Control-Allow-Origin", "*")
                        .json("{}"));
        BrowserRequest request = get(WELL_KNOWN);

        Exchange exchange = probe.fetch(request);
        Verdict verdict = chromium.evaluateResponse(request, exchange);

        Finding finding = only(verdict);
        assertThat(exchange.hops(), hasSize(2));
        assertThat(exchange.last().values("Access-Control-Allow-Origin"), contains("*"));
        assertThat(verdict.allowed(), is(false));
        assertThat(finding.ruleId(), equalTo(CorsRuleIds.REDIRECT_ALLOW_ORIGIN_MISSING));
        assertThat(finding.severity(), equalTo(Severity.ERROR));
        assertThat(finding.evidence().status(), equalTo(302));
        assertThat(finding.message(), containsString("302 redirect of GET " + WELL_KNOWN));
        assertThat(hint(finding, ProxyKind.NGINX), containsString("always"));
    }

    @Test
    void wellKnownWithoutAllowOriginIsBlocked() {
        server.on("GET", WELL_KNOWN, ScriptedResponse.status(200).json("{\"m.homeserver\":{}}"));
        BrowserRequest request = get(WELL_KNOWN);

        Verdict verdict = chromium.evaluateResponse(request, probe.fetch(request));

        Finding finding = only(verdict);
        assertThat(verdict.allowed(), is(false));
        assertThat(finding.ruleId(), equalTo(CorsRuleIds.ALLOW_ORIGIN_MISSING));
        assertThat(finding.severity(), equalTo(Severity.ERROR));
        assertThat(
                finding.message(),
                equalTo("Access-Control-Allow-Origin is absent on the 200 response to GET " + WELL_KNOWN
                        + ", so the browser blocks the response."));
        assertThat(hint(finding, ProxyKind.NGINX), containsString("add_header_inherit"));
    }

    @Test
    void notFoundWithoutCorsIsBlocked() {
        server.on(
                "GET",
                "/_matrix/client/v3/nonexistent",
                ScriptedResponse.status(404).body("<html>404</html>"));
        BrowserRequest request = get("/_matrix/client/v3/nonexistent");

        Verdict verdict = chromium.evaluateResponse(request, probe.fetch(request));

        Finding finding = only(verdict);
        assertThat(verdict.allowed(), is(false));
        assertThat(finding.ruleId(), equalTo(CorsRuleIds.ALLOW_ORIGIN_MISSING));
        assertThat(finding.severity(), equalTo(Severity.ERROR));
        assertThat(finding.message(), containsString("the 404 response to GET /_matrix/client/v3/nonexistent"));
        assertThat(hint(finding, ProxyKind.NGINX), containsString("add_header Access-Control-Allow-Origin * always;"));
        assertThat(hint(finding, ProxyKind.APACHE), containsString("Header always set"));
    }

    @Test
    void badGatewayFromProxyWithoutCorsIsBlocked() {
        server.on("GET", SYNC, ScriptedResponse.status(502).body("<html>502 Bad Gateway</html>"));
        BrowserRequest request = authenticated("GET", SYNC);

        Verdict verdict = chromium.evaluateResponse(request, probe.fetch(request));

        Finding finding = only(verdict);
        assertThat(verdict.allowed(), is(false));
        assertThat(finding.ruleId(), equalTo(CorsRuleIds.ALLOW_ORIGIN_MISSING));
        assertThat(finding.severity(), equalTo(Severity.ERROR));
        assertThat(finding.message(), containsString("502 response"));
        assertThat(hint(finding, ProxyKind.CADDY), containsString("handle_errors"));
    }

    @Test
    void authorizationNotAllowedFails() {
        server.on(
                "OPTIONS",
                SYNC,
                ScriptedResponse.status(204)
                        .header("Access-Control-Allow-Origin", "*")
                        .header("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS")
                        .header("Access-Control-Allow-Headers", "X-Requested-With, Content-Type")
                        .header("Access-Control-Max-Age", "600"));
        BrowserRequest request = authenticated("GET", SYNC);

        Verdict verdict = chromium.evaluatePreflight(request, probe.preflight(request));

        List<Finding> errors = verdict.findingsAtLeast(Severity.ERROR);
        assertThat(verdict.allowed(), is(false));
        assertThat(errors, hasSize(1));
        assertThat(errors.get(0).ruleId(), equalTo(CorsRuleIds.ALLOW_HEADERS_MISSING_HEADER));
        assertThat(errors.get(0).message(), containsString("does not list the authorization header"));
        assertThat(errors.get(0).message(), containsString("\"X-Requested-With, Content-Type\""));
    }

    @Test
    void wildcardHeadersWithCredentialsFailCredentialedRequest() {
        server.on(
                "OPTIONS",
                SYNC,
                ScriptedResponse.status(204)
                        .header("Access-Control-Allow-Origin", PAGE)
                        .header("Access-Control-Allow-Credentials", "true")
                        .header("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS")
                        .header("Access-Control-Allow-Headers", "*")
                        .header("Access-Control-Max-Age", "600"));
        BrowserRequest request = authenticated("GET", SYNC).withCredentials(CredentialsMode.INCLUDE);

        Verdict verdict = chromium.evaluatePreflight(request, probe.preflight(request));

        Finding finding = only(verdict);
        assertThat(verdict.allowed(), is(false));
        assertThat(finding.ruleId(), equalTo(CorsRuleIds.ALLOW_HEADERS_WILDCARD_WITH_CREDENTIALS));
        assertThat(finding.severity(), equalTo(Severity.ERROR));
        assertThat(finding.message(), containsString("\"*\" is no wildcard"));
        assertThat(finding.message(), containsString("blocks the authorization and content-type headers."));
    }

    @Test
    void wildcardHeadersWarnPerBrowserProfile() {
        server.on(
                "OPTIONS",
                SYNC,
                ScriptedResponse.status(204)
                        .header("Access-Control-Allow-Origin", "*")
                        .header("Access-Control-Allow-Credentials", "true")
                        .header("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS")
                        .header("Access-Control-Allow-Headers", "*")
                        .header("Access-Control-Max-Age", "600"));
        BrowserRequest request = authenticated("GET", SYNC);
        Exchange preflight = probe.preflight(request);

        for (BrowserProfile browser : List.of(BrowserProfile.CHROMIUM, BrowserProfile.FIREFOX, BrowserProfile.WEBKIT)) {
            Verdict verdict = new CorsEvaluator(browser).evaluatePreflight(request, preflight);

            Finding finding = only(verdict);
            assertThat(verdict.allowed(), is(true));
            assertThat(verdict.profile(), equalTo(browser));
            assertThat(finding.ruleId(), equalTo(CorsRuleIds.ALLOW_HEADERS_WILDCARD_AUTHORIZATION));
            assertThat(finding.severity(), equalTo(Severity.WARNING));
            assertThat(finding.message(), containsString(browser.displayName() + " accepts"));
        }

        Verdict spec = new CorsEvaluator(BrowserProfile.SPEC).evaluatePreflight(request, preflight);
        assertThat(spec.allowed(), is(false));
        assertThat(only(spec).ruleId(), equalTo(CorsRuleIds.ALLOW_HEADERS_WILDCARD_AUTHORIZATION));
        assertThat(only(spec).severity(), equalTo(Severity.ERROR));
    }

    @Test
    void middlewarePreflightWithoutOriginOrDeleteFails() {
        server.on(
                "OPTIONS",
                "/_matrix/client/v3/rooms/!r:example.org/redact",
                ScriptedResponse.status(200)
                        .header("Allow", "GET, POST, PUT, DELETE")
                        .header("Access-Control-Allow-Methods", "GET, POST, PUT")
                        .header("Access-Control-Allow-Headers", "Authorization, Content-Type")
                        .header("Access-Control-Max-Age", "600"));
        BrowserRequest request = authenticated("DELETE", "/_matrix/client/v3/rooms/!r:example.org/redact");

        Verdict verdict = chromium.evaluatePreflight(request, probe.preflight(request));

        List<String> ruleIds = verdict.findings().stream().map(Finding::ruleId).toList();
        assertThat(verdict.allowed(), is(false));
        assertThat(ruleIds, contains(CorsRuleIds.ALLOW_ORIGIN_MISSING, CorsRuleIds.ALLOW_METHODS_MISSING_METHOD));
        assertThat(verdict.findings().get(0).severity(), equalTo(Severity.ERROR));
        assertThat(verdict.findings().get(1).severity(), equalTo(Severity.ERROR));
        assertThat(verdict.findings().get(1).message(), containsString("does not list DELETE"));
    }

    @Test
    void preflightAnswered405Fails() {
        server.on("OPTIONS", SYNC, ScriptedResponse.status(405).header("Allow", "GET"));
        BrowserRequest request = authenticated("GET", SYNC);

        Verdict verdict = chromium.evaluatePreflight(request, probe.preflight(request));

        List<String> ruleIds = verdict.findings().stream().map(Finding::ruleId).toList();
        assertThat(verdict.allowed(), is(false));
        assertThat(ruleIds, contains(CorsRuleIds.ALLOW_ORIGIN_MISSING, CorsRuleIds.PREFLIGHT_STATUS));
        Finding status = verdict.findings().get(1);
        assertThat(status.severity(), equalTo(Severity.ERROR));
        assertThat(status.message(), containsString("got status 405"));
        assertThat(hint(status, ProxyKind.NGINX), containsString("return 204"));
    }

    @Test
    void preflightAnswered404OnMediaFails() {
        String media = "/_matrix/client/v1/media/download/example.org/abc";
        server.on("OPTIONS", media, ScriptedResponse.status(404).header("Access-Control-Allow-Origin", "*"));
        BrowserRequest request = authenticated("GET", media);

        Verdict verdict = chromium.evaluatePreflight(request, probe.preflight(request));

        Finding finding = only(verdict);
        assertThat(verdict.allowed(), is(false));
        assertThat(finding.ruleId(), equalTo(CorsRuleIds.PREFLIGHT_STATUS));
        assertThat(finding.severity(), equalTo(Severity.ERROR));
        assertThat(finding.message(), containsString("OPTIONS " + media + " got status 404"));
    }

    @Test
    void versionsRedirectWithoutCorsIsBlocked() {
        server.on("GET", VERSIONS, ScriptedResponse.redirect(301, VERSIONS + "/"));
        server.on("GET", VERSIONS + "/", ScriptedResponse.status(200).header("Access-Control-Allow-Origin", "*"));
        BrowserRequest request = get(VERSIONS);

        Verdict verdict = chromium.evaluateResponse(request, probe.fetch(request));

        Finding finding = only(verdict);
        assertThat(verdict.allowed(), is(false));
        assertThat(finding.ruleId(), equalTo(CorsRuleIds.REDIRECT_ALLOW_ORIGIN_MISSING));
        assertThat(finding.severity(), equalTo(Severity.ERROR));
        assertThat(finding.evidence().status(), equalTo(301));
    }

    @Test
    void redirectedPreflightFails() {
        server.on(
                "OPTIONS",
                SYNC,
                ScriptedResponse.redirect(308, server.uri(SYNC + "/").toString()));
        BrowserRequest request = authenticated("GET", SYNC);

        Verdict verdict = chromium.evaluatePreflight(request, probe.preflight(request));

        Finding finding = only(verdict);
        assertThat(verdict.allowed(), is(false));
        assertThat(finding.ruleId(), equalTo(CorsRuleIds.PREFLIGHT_REDIRECT));
        assertThat(finding.severity(), equalTo(Severity.ERROR));
        assertThat(finding.message(), containsString("never follow a redirect on a preflight"));
        assertThat(hint(finding, ProxyKind.APACHE), containsString("!OPTIONS"));
    }

    @Test
    void redirectedCallWithoutCorsBlocked() {
        server.on("OPTIONS", SYNC, corsPreflight().header("Access-Control-Max-Age", "600"));
        server.on("GET", SYNC, ScriptedResponse.redirect(307, SYNC + "/"));
        server.on("GET", SYNC + "/", ScriptedResponse.status(200).header("Access-Control-Allow-Origin", "*"));
        BrowserRequest request = authenticated("GET", SYNC);

        Verdict verdict = chromium.evaluate(request, probe.preflight(request), probe.fetch(request));

        Finding finding = only(verdict);
        assertThat(verdict.allowed(), is(false));
        assertThat(finding.ruleId(), equalTo(CorsRuleIds.REDIRECT_ALLOW_ORIGIN_MISSING));
        assertThat(finding.evidence().status(), equalTo(307));
    }

    @Test
    void redirectedCallNotesNewPreflight() {
        server.on("OPTIONS", SYNC, corsPreflight().header("Access-Control-Max-Age", "600"));
        server.on("GET", SYNC, ScriptedResponse.redirect(307, SYNC + "/").header("Access-Control-Allow-Origin", "*"));
        server.on("GET", SYNC + "/", ScriptedResponse.status(200).header("Access-Control-Allow-Origin", "*"));
        BrowserRequest request = authenticated("GET", SYNC);

        Verdict verdict = chromium.evaluate(request, probe.preflight(request), probe.fetch(request));

        Finding finding = only(verdict);
        assertThat(verdict.allowed(), is(true));
        assertThat(finding.ruleId(), equalTo(CorsRuleIds.REDIRECT_AFTER_PREFLIGHT));
        assertThat(finding.severity(), equalTo(Severity.INFO));
    }

    @Test
    void redirectToUrlWithCredentialsFails() {
        server.on(
                "GET",
                VERSIONS,
                ScriptedResponse.redirect(302, "http://user:secret@127.0.0.1:" + server.port() + "/elsewhere")
                        .header("Access-Control-Allow-Origin", "*"));
        BrowserRequest request = get(VERSIONS);

        Exchange exchange = probe.fetch(request);
        Verdict verdict = chromium.evaluateResponse(request, exchange);

        assertThat(exchange.hops(), hasSize(1));
        assertThat(server.requests(), hasSize(1));
        assertThat(only(verdict).ruleId(), equalTo(CorsRuleIds.REDIRECT_CREDENTIALS_IN_URL));
        assertThat(only(verdict).severity(), equalTo(Severity.ERROR));
    }

    @Test
    void redirectToInvalidLocationFails() {
        server.on(
                "GET",
                VERSIONS,
                ScriptedResponse.redirect(302, "http://exa mple.org/x").header("Access-Control-Allow-Origin", "*"));
        BrowserRequest request = get(VERSIONS);

        Verdict verdict = chromium.evaluateResponse(request, probe.fetch(request));

        assertThat(only(verdict).ruleId(), equalTo(CorsRuleIds.REDIRECT_INVALID_LOCATION));
        assertThat(only(verdict).message(), containsString("Location is \"http://exa mple.org/x\""));
    }

    @Test
    void missingMaxAgeWarnsAboutRepeatedPreflights() {
        server.on("OPTIONS", SYNC, corsPreflight());
        server.on("GET", SYNC, ScriptedResponse.status(200).header("Access-Control-Allow-Origin", "*"));
        BrowserRequest request = authenticated("GET", SYNC);

        Verdict verdict = chromium.evaluate(request, probe.preflight(request), probe.fetch(request));

        Finding finding = only(verdict);
        assertThat(verdict.allowed(), is(true));
        assertThat(finding.ruleId(), equalTo(CorsRuleIds.MAX_AGE_MISSING));
        assertThat(finding.severity(), equalTo(Severity.WARNING));
        assertThat(finding.message(), containsString("caches the preflight for 5 s"));
        assertThat(hint(finding, ProxyKind.NGINX), containsString("Access-Control-Max-Age"));
    }

    @Test
    void synapseLikeAnswersPass() {
        server.on("OPTIONS", SYNC, corsPreflight().header("Access-Control-Max-Age", "7200"));
        server.on("GET", SYNC, ScriptedResponse.status(401).header("Access-Control-Allow-Origin", "*"));
        BrowserRequest request = authenticated("GET", SYNC);

        Verdict verdict = chromium.evaluate(request, probe.preflight(request), probe.fetch(request));

        assertThat(verdict.allowed(), is(true));
        assertThat(verdict.findings(), hasSize(0));
    }

    // The headers Synapse sends on every OPTIONS, as of Synapse 1.157.
    private static ScriptedResponse corsPreflight() {
        return ScriptedResponse.status(204)
                .header("Access-Control-Allow-Origin", "*")
                .header("Access-Control-Allow-Methods", "GET, HEAD, POST, PUT, DELETE, OPTIONS")
                .header("Access-Control-Allow-Headers", "X-Requested-With, Content-Type, Authorization, Date")
                .header("Access-Control-Expose-Headers", "Synapse-Trace-Id, Server");
    }

    private BrowserRequest get(String path) {
        return BrowserRequest.of("GET", server.uri(path), PAGE);
    }

    private BrowserRequest authenticated(String method, String path) {
        return BrowserRequest.of(method, server.uri(path), PAGE)
                .withHeader("Authorization", "Bearer syt_invalid")
                .withHeader("Content-Type", "application/json");
    }

    private static Finding only(Verdict verdict) {
        assertThat(verdict.findings().toString(), verdict.findings(), hasSize(1));
        return verdict.findings().get(0);
    }

    private static String hint(Finding finding, ProxyKind proxy) {
        return finding.fixHints().stream()
                .filter(hint -> hint.proxy() == proxy)
                .map(FixHint::text)
                .findFirst()
                .orElse("(no hint for " + proxy + ")");
    }
}
