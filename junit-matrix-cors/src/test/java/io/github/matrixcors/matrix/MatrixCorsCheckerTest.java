package io.github.matrixcors.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.matrixcors.cors.Finding;
import io.github.matrixcors.cors.FixHint;
import io.github.matrixcors.cors.ProxyKind;
import io.github.matrixcors.cors.Severity;
import io.github.matrixcors.http.Probe;
import io.github.matrixcors.testing.RecordedRequest;
import io.github.matrixcors.testing.ScriptedHttpServer;
import io.github.matrixcors.testing.ScriptedResponse;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MatrixCorsCheckerTest {

    private static final String ORIGIN = "https://app.element.io";
    private static final EndpointCatalogue CATALOGUE = EndpointCatalogue.standard();

    private static final Endpoint SYNC = endpoint("GET", "/_matrix/client/v3/sync");
    private static final Endpoint SEND = endpoint("PUT", "/_matrix/client/v3/rooms/{roomId}/send/{eventType}/{txnId}");
    private static final Endpoint DELETE_DEVICE = endpoint("DELETE", "/_matrix/client/v3/devices/{deviceId}");
    private static final Endpoint VERSIONS = endpoint("GET", "/_matrix/client/versions");
    private static final Endpoint WELL_KNOWN = endpoint("GET", "/.well-known/matrix/client");
    private static final Endpoint MEDIA_DOWNLOAD =
            endpoint("GET", "/_matrix/client/v1/media/download/{serverName}/{mediaId}");

    private ScriptedHttpServer server;
    private Probe probe;

    @BeforeEach
    void startServer() {
        server = ScriptedHttpServer.start().otherwise(SynapseLikeResponses.homeserver());
        probe = Probe.builder()
                .connectTimeout(Duration.ofSeconds(2))
                .responseTimeout(Duration.ofSeconds(2))
                .build();
    }

    @AfterEach
    void stopServer() {
        probe.close();
        server.close();
    }

    @Test
    void synapseLikeServerPasses() {
        List<CheckResult> results = check(SYNC, SEND, DELETE_DEVICE, VERSIONS, WELL_KNOWN, MEDIA_DOWNLOAD);

        assertEquals(12, results.size());
        for (CheckResult result : results) {
            assertTrue(result.passes(Severity.ERROR), result.report(Severity.WARNING));
        }
    }

    @Test
    void resultNamesAreReadableAndUnique() {
        List<CheckResult> results = check(SYNC, VERSIONS);

        List<String> names = results.stream().map(CheckResult::name).toList();
        assertEquals(
                List.of(
                        "OPTIONS /_matrix/client/v3/sync from https://app.element.io",
                        "GET /_matrix/client/v3/sync from https://app.element.io",
                        "OPTIONS /_matrix/client/versions from https://app.element.io",
                        "GET /_matrix/client/versions from https://app.element.io"),
                names);
        assertEquals(CheckKind.PREFLIGHT, results.get(0).kind());
        assertEquals(
                "OPTIONS /_matrix/client/v3/devices/{deviceId} for DELETE from https://app.element.io",
                check(DELETE_DEVICE).get(0).name());
        assertEquals(CheckKind.ACTUAL, results.get(1).kind());
    }

    @Test
    void mutatingRequestUsesInvalidToken() {
        check(builder().accessToken(SynapseLikeResponses.VALID_TOKEN), SEND);

        RecordedRequest put = onlyRequest("PUT");
        assertEquals("Bearer " + WebClientRequests.INVALID_ACCESS_TOKEN, put.header("Authorization"));
        assertEquals("application/json", put.header("Content-Type"));
        assertEquals("{}", new String(put.body(), java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void getUsesRealTokenAndNoLongPoll() {
        check(builder().accessToken(SynapseLikeResponses.VALID_TOKEN), SYNC);

        RecordedRequest get = onlyRequest("GET");
        assertEquals("Bearer " + SynapseLikeResponses.VALID_TOKEN, get.header("Authorization"));
        assertEquals("/_matrix/client/v3/sync?timeout=0", get.target());
    }

    @Test
    void versionsIsSimpleRequest() {
        check(VERSIONS);

        RecordedRequest get = onlyRequest("GET");
        assertNull(get.header("Authorization"));
        assertNull(get.header("Content-Type"));
        RecordedRequest options = onlyRequest("OPTIONS");
        assertEquals("GET", options.header("Access-Control-Request-Method"));
        assertNull(options.header("Access-Control-Request-Headers"));
    }

    @Test
    void preflightCarriesAuthorizationAndContentType() {
        check(SEND);

        RecordedRequest options = onlyRequest("OPTIONS");
        assertEquals("PUT", options.header("Access-Control-Request-Method"));
        assertEquals("authorization,content-type", options.header("Access-Control-Request-Headers"));
        assertEquals(ORIGIN, options.header("Origin"));
    }

    @Test
    void wellKnownRedirectWithoutCorsFails() {
        server.on("GET", "/.well-known/matrix/client", ScriptedResponse.redirect(302, "/matrix-client.json"));

        CheckResult actual = actualResult(check(WELL_KNOWN));

        Finding finding = onlyError(actual);
        assertEquals(MatrixRules.MISSING_ON_REDIRECT, finding.ruleId());
        assertEquals(302, finding.evidence().status());
        assertTrue(
                finding.message()
                        .startsWith("The 302 Found redirect from /.well-known/matrix/client to http://127.0.0.1:"),
                finding.message());
        assertEquals(2, actual.exchanges().get(0).hops().size());
    }

    @Test
    void wellKnownEmptyAnswerSaysNotJson() {
        server.on("GET", "/.well-known/matrix/client", ScriptedResponse.status(200));

        Finding finding = onlyError(actualResult(check(WELL_KNOWN)));

        assertEquals(MatrixRules.WELL_KNOWN_MISSING, finding.ruleId());
        assertTrue(finding.message().endsWith("instead of serving the discovery file."), finding.message());
    }

    @Test
    void wellKnownWithoutCorsFails() {
        server.on(
                "GET",
                "/.well-known/matrix/client",
                ScriptedResponse.status(200).json("{}"));

        Finding finding = onlyError(actualResult(check(WELL_KNOWN)));

        assertEquals(MatrixRules.WELL_KNOWN_MISSING, finding.ruleId());
        assertEquals(
                "/.well-known/matrix/client answered 200 OK without Access-Control-Allow-Origin, so a web client on"
                        + " another origin cannot read it to discover the homeserver; the Matrix specification says"
                        + " it should carry the same CORS headers as the Client-Server API.",
                finding.message());
        assertEquals(List.of(ProxyKind.NGINX, ProxyKind.CADDY, ProxyKind.APACHE), proxies(finding));
    }

    @Test
    void optionalWellKnownNotFoundWarns() {
        Endpoint support = endpoint("GET", "/.well-known/matrix/support");
        server.on(
                "GET",
                "/.well-known/matrix/support",
                ScriptedResponse.status(404).body("No such resource"));

        CheckResult actual = actualResult(check(support));

        assertTrue(actual.passes(Severity.ERROR), actual.report(Severity.INFO));
        Finding warning = actual.findingsAtLeast(Severity.WARNING).get(0);
        assertEquals(MatrixRules.MISSING_ON_ERROR, warning.ruleId());
        assertEquals(
                "The 404 Not Found response to GET /.well-known/matrix/support has no Access-Control-Allow-Origin, so"
                        + " the web client sees a network error instead of the 404 that says the file does not exist.",
                warning.message());
    }

    @Test
    void wellKnownClientNotFoundWithoutCorsFails() {
        server.on(
                "GET",
                "/.well-known/matrix/client",
                ScriptedResponse.status(404).body("No such resource"));

        Finding finding = onlyError(actualResult(check(WELL_KNOWN)));

        assertEquals(MatrixRules.MISSING_ON_ERROR, finding.ruleId());
    }

    @Test
    void proxyDuplicateAllowOriginFails() {
        server.otherwise(
                request -> SynapseLikeResponses.homeserver().apply(request).header("Access-Control-Allow-Origin", "*"));

        List<CheckResult> results = check(SYNC);

        for (CheckResult result : results) {
            Finding finding = onlyError(result);
            assertEquals("cors.allow-origin.multiple", finding.ruleId());
        }
    }

    @Test
    void allowHeadersWithoutAuthorizationFails() {
        server.otherwise(request -> request.method().equals("OPTIONS")
                ? ScriptedResponse.status(204)
                        .header("Access-Control-Allow-Origin", "*")
                        .header("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS")
                        .header("Access-Control-Allow-Headers", "X-Requested-With, Content-Type")
                : SynapseLikeResponses.homeserver().apply(request));

        List<CheckResult> results = check(SYNC, VERSIONS);

        Finding finding = onlyError(results.get(0));
        assertEquals("cors.allow-headers.missing-header", finding.ruleId());
        assertFalse(ruleIds(results.get(0)).contains(MatrixRules.HEADERS_NOT_RECOMMENDED));
        assertTrue(ruleIds(results.get(2)).contains(MatrixRules.HEADERS_NOT_RECOMMENDED));
        assertTrue(results.get(2).passes(Severity.ERROR), results.get(2).report(Severity.INFO));
    }

    @Test
    void missingMaxAgeWarnsOnAuthenticatedCall() {
        CheckResult preflight = check(SYNC).get(0);

        assertTrue(preflight.passes(Severity.ERROR), preflight.report(Severity.INFO));
        List<Finding> warnings = preflight.findingsAtLeast(Severity.WARNING);
        assertEquals(1, warnings.size(), preflight.report(Severity.INFO));
        assertEquals("cors.max-age.missing", warnings.get(0).ruleId());
    }

    @Test
    void checkAllSkipsPolicyServer() {
        List<CheckResult> results;
        try (MatrixCorsChecker checker = builder().build()) {
            results = checker.checkAll();
        }

        int expectedEndpoints =
                CATALOGUE.endpoints().size() - 1 + ErrorEndpoints.all().size();
        assertEquals(2 * expectedEndpoints, results.size());
        assertTrue(results.stream().noneMatch(result -> result.name().contains("policy_server")));
        assertEquals(
                results.size(),
                new HashSet<>(results.stream().map(CheckResult::name).toList()).size());
        for (CheckResult result : results) {
            assertTrue(result.passes(Severity.ERROR), result.report(Severity.INFO));
        }
    }

    @Test
    void errorWithoutCorsFails() {
        server.otherwise(request -> request.method().equals("OPTIONS")
                ? SynapseLikeResponses.preflight()
                : ScriptedResponse.status(404).json("{\"errcode\":\"M_UNRECOGNIZED\"}"));

        Finding finding = onlyError(actualResult(check(ErrorEndpoints.UNKNOWN_CLIENT_PATH)));

        assertEquals(MatrixRules.MISSING_ON_ERROR, finding.ruleId());
        assertEquals(
                "The 404 Not Found response to GET /_matrix/client/v3/matrixcors-unknown-endpoint has no"
                        + " Access-Control-Allow-Origin, so the web client sees a network error instead of the status"
                        + " and its Matrix error code. The Matrix specification asks for CORS headers on every"
                        + " response, errors included.",
                finding.message());
        assertTrue(
                finding.fixHints().get(0).text().contains("always"),
                finding.fixHints().toString());
    }

    @Test
    void proxyOwnNotFoundSaysRouteMissing() {
        server.otherwise(request -> request.method().equals("OPTIONS")
                ? SynapseLikeResponses.preflight()
                : ScriptedResponse.status(404)
                        .header("Content-Type", "text/html")
                        .body("<html>404</html>"));

        Finding finding = onlyError(actualResult(check(ErrorEndpoints.UNKNOWN_CLIENT_PATH)));

        assertEquals(MatrixRules.MISSING_ON_ERROR, finding.ruleId());
        assertTrue(finding.message().contains("comes from the proxy itself"), finding.message());
        assertTrue(finding.message().contains("no route to the homeserver matched"), finding.message());
        String nginxHint = finding.fixHints().get(0).text();
        assertTrue(nginxHint.contains("if no location that passes to the homeserver matches"), nginxHint);
    }

    @Test
    void proxyOwnBadGatewaySaysUpstreamUnreachable() {
        server.otherwise(request -> request.method().equals("OPTIONS")
                ? SynapseLikeResponses.preflight()
                : ScriptedResponse.status(502)
                        .header("Content-Type", "text/html")
                        .body("<html>502</html>"));

        Finding finding = onlyError(actualResult(check(ErrorEndpoints.UNKNOWN_CLIENT_PATH)));

        assertTrue(finding.message().contains("the proxy did not reach the homeserver"), finding.message());
        String nginxHint = finding.fixHints().get(0).text();
        assertTrue(nginxHint.contains("{{homeserver}}"), nginxHint);
    }

    @ParameterizedTest
    @ValueSource(ints = {401, 403, 404, 405, 413, 429, 500, 502, 503, 504})
    void everyErrorStatusNeedsCors(int status) {
        server.otherwise(request -> request.method().equals("OPTIONS")
                ? SynapseLikeResponses.preflight()
                : ScriptedResponse.status(status).body("error"));

        Finding finding = onlyError(actualResult(check(SEND)));

        assertEquals(MatrixRules.MISSING_ON_ERROR, finding.ruleId());
        assertEquals(status, finding.evidence().status());
    }

    @Test
    void badGatewayWithoutCorsFails() {
        server.otherwise(request -> request.method().equals("OPTIONS")
                ? SynapseLikeResponses.preflight()
                : ScriptedResponse.status(502).body("<html>502 Bad Gateway</html>"));

        Finding finding = onlyError(actualResult(check(SYNC)));

        assertEquals(MatrixRules.MISSING_ON_ERROR, finding.ruleId());
        assertEquals(502, finding.evidence().status());
    }

    @Test
    void errorWithCorsPasses() {
        CheckResult actual = actualResult(check(SEND));

        assertEquals(401, actual.exchanges().get(0).last().status());
        assertTrue(actual.passes(Severity.ERROR), actual.report(Severity.INFO));
    }

    @Test
    void preflightMethodNotAllowedFails() {
        server.on("OPTIONS", SEND.samplePath(), ScriptedResponse.status(405).json("{\"errcode\":\"M_UNRECOGNIZED\"}"));

        CheckResult preflight = check(SEND).get(0);

        Finding finding = preflight.findingsAtLeast(Severity.ERROR).stream()
                .filter(f -> f.ruleId().equals(MatrixRules.OPTIONS_NOT_ANSWERED))
                .findFirst()
                .orElseThrow(() -> new AssertionError(preflight.report(Severity.INFO)));
        assertTrue(
                finding.message()
                        .startsWith("OPTIONS /_matrix/client/v3/rooms/!matrixcors%3Alocalhost/send/"
                                + "m.room.message/matrixcors-txn got 405 Method Not Allowed"),
                finding.message());
        assertFalse(
                ruleIds(preflight).contains("cors.preflight.status"),
                ruleIds(preflight).toString());
    }

    @Test
    void preflightNotFoundOnMediaFails() {
        server.on("OPTIONS", MEDIA_DOWNLOAD.samplePath(), ScriptedResponse.status(404));

        CheckResult preflight = check(MEDIA_DOWNLOAD).get(0);

        assertFalse(preflight.passes(Severity.ERROR));
        assertTrue(ruleIds(preflight).contains(MatrixRules.OPTIONS_NOT_ANSWERED), preflight.report(Severity.INFO));
    }

    @Test
    void preflightOfSimpleRequestOnlyWarns() {
        server.on("OPTIONS", VERSIONS.samplePath(), ScriptedResponse.status(405));

        List<CheckResult> results = check(VERSIONS);

        CheckResult preflight = results.get(0);
        assertTrue(preflight.passes(Severity.ERROR), preflight.report(Severity.INFO));
        Finding warning = preflight.findings().stream()
                .filter(f -> f.ruleId().equals(MatrixRules.OPTIONS_NOT_ANSWERED))
                .findFirst()
                .orElseThrow();
        assertEquals(Severity.WARNING, warning.severity());
        assertEquals(
                "OPTIONS /_matrix/client/versions got 405 Method Not Allowed, but the Matrix specification expects"
                        + " every endpoint to answer OPTIONS without authentication or running the endpoint, which"
                        + " breaks only clients that add headers to GET requests there, because browsers send the"
                        + " plain request without a preflight.",
                warning.message());
        assertFalse(ruleIds(preflight).contains("cors.max-age.missing"), preflight.report(Severity.INFO));
        assertTrue(results.get(1).passes(Severity.ERROR), results.get(1).report(Severity.INFO));
    }

    @Test
    void versionsRedirectWithoutCorsFails() {
        server.on("GET", "/_matrix/client/versions", ScriptedResponse.redirect(301, "/_matrix/client/versions/"));

        Finding finding = onlyError(actualResult(check(VERSIONS)));

        assertEquals(MatrixRules.MISSING_ON_REDIRECT, finding.ruleId());
        assertEquals(301, finding.evidence().status());
    }

    @Test
    void redirectedPreflightFails() {
        server.on("OPTIONS", SYNC.samplePath(), SynapseLikeResponses.withCors(ScriptedResponse.redirect(308, "/x")));

        CheckResult preflight = check(SYNC).get(0);

        assertTrue(ruleIds(preflight).contains("cors.preflight.redirect"), preflight.report(Severity.INFO));
        assertFalse(preflight.passes(Severity.ERROR));
    }

    @Test
    void methodsWithoutDeleteFailsDeleteOnly() {
        server.otherwise(request -> request.method().equals("OPTIONS")
                ? ScriptedResponse.status(200)
                        .header("Access-Control-Allow-Origin", "*")
                        .header("Access-Control-Allow-Methods", "GET, POST, PUT, OPTIONS")
                        .header("Access-Control-Allow-Headers", "X-Requested-With, Content-Type, Authorization")
                : SynapseLikeResponses.homeserver().apply(request));

        List<CheckResult> results = check(DELETE_DEVICE, SYNC);

        CheckResult deletePreflight = results.get(0);
        assertTrue(
                ruleIds(deletePreflight).contains("cors.allow-methods.missing-method"),
                deletePreflight.report(Severity.INFO));
        assertFalse(ruleIds(deletePreflight).contains(MatrixRules.METHODS_NOT_RECOMMENDED));
        CheckResult syncPreflight = results.get(2);
        assertTrue(syncPreflight.passes(Severity.ERROR), syncPreflight.report(Severity.INFO));
        Finding warning = syncPreflight.findings().stream()
                .filter(f -> f.ruleId().equals(MatrixRules.METHODS_NOT_RECOMMENDED))
                .findFirst()
                .orElseThrow(() -> new AssertionError(syncPreflight.report(Severity.INFO)));
        assertEquals(
                "Access-Control-Allow-Methods is 'GET, POST, PUT, OPTIONS' and lacks DELETE of the Matrix"
                        + " specification's recommended 'GET, POST, PUT, DELETE, OPTIONS', so preflights for endpoints"
                        + " that use them fail.",
                warning.message());
    }

    @Test
    void preflightWithoutAllowOriginFails() {
        server.otherwise(request -> request.method().equals("OPTIONS")
                ? ScriptedResponse.status(200).header("Access-Control-Allow-Methods", "GET, POST, PUT, OPTIONS")
                : SynapseLikeResponses.homeserver().apply(request));

        CheckResult preflight = check(DELETE_DEVICE).get(0);

        Set<String> errors = new HashSet<>();
        preflight.findingsAtLeast(Severity.ERROR).forEach(f -> errors.add(f.ruleId()));
        assertTrue(errors.contains("cors.allow-origin.missing"), preflight.report(Severity.INFO));
        assertTrue(errors.contains("cors.allow-methods.missing-method"), preflight.report(Severity.INFO));
    }

    @Test
    void echoedOriginWithoutVaryWarns() {
        server.otherwise(request -> ScriptedResponse.status(request.method().equals("OPTIONS") ? 204 : 200)
                .header("Access-Control-Allow-Origin", request.header("Origin"))
                .header("Access-Control-Allow-Methods", "GET, POST, PUT, DELETE, OPTIONS")
                .header("Access-Control-Allow-Headers", "X-Requested-With, Content-Type, Authorization"));

        CheckResult actual = actualResult(check(VERSIONS));

        assertTrue(actual.passes(Severity.ERROR), actual.report(Severity.INFO));
        assertTrue(ruleIds(actual).contains(MatrixRules.ORIGIN_NOT_WILDCARD));
        assertTrue(ruleIds(actual).contains(MatrixRules.VARY_ORIGIN_MISSING));
    }

    @Test
    void adviceOnOkStatusAndShortMaxAge() {
        server.otherwise(request -> request.method().equals("OPTIONS")
                ? SynapseLikeResponses.withCors(ScriptedResponse.status(200)).header("Access-Control-Max-Age", "60")
                : SynapseLikeResponses.homeserver().apply(request));

        CheckResult preflight = check(SYNC).get(0);

        assertTrue(ruleIds(preflight).contains(AdviceRules.PREFLIGHT_NO_CONTENT), preflight.report(Severity.INFO));
        assertTrue(ruleIds(preflight).contains(AdviceRules.MAX_AGE_SHORT), preflight.report(Severity.INFO));
        assertTrue(preflight.findings().stream()
                .filter(f -> f.ruleId().startsWith("advice."))
                .allMatch(f -> f.severity() == Severity.INFO));
    }

    @Test
    void connectionRefusedBecomesFinding() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        MatrixCorsChecker.Builder builder = MatrixCorsChecker.builder()
                .baseUri(URI.create("http://127.0.0.1:" + closedPort))
                .probe(probe);

        List<CheckResult> results;
        try (MatrixCorsChecker checker = builder.build()) {
            results = checker.check(List.of(SYNC));
        }

        assertEquals(2, results.size());
        for (CheckResult result : results) {
            Finding finding = onlyError(result);
            assertEquals(MatrixCorsChecker.PROBE_FAILED, finding.ruleId());
            assertTrue(
                    finding.message().contains("http://127.0.0.1:" + closedPort + "/_matrix/client/v3/sync"),
                    finding.message());
        }
    }

    @Test
    void redirectToClosedPortKeepsRedirectFinding() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String target = "http://127.0.0.1:" + closedPort + "/client.json";
        server.on("GET", "/.well-known/matrix/client", ScriptedResponse.redirect(302, target));

        CheckResult actual = actualResult(check(WELL_KNOWN));

        List<String> errors = actual.findingsAtLeast(Severity.ERROR).stream()
                .map(Finding::ruleId)
                .toList();
        assertEquals(List.of(MatrixRules.MISSING_ON_REDIRECT, MatrixCorsChecker.PROBE_FAILED), errors);
        assertEquals(302, actual.exchanges().get(0).last().status());
    }

    @Test
    void wellKnownCheckedOnServerNameHost() {
        try (ScriptedHttpServer serverNameHost = ScriptedHttpServer.start()) {
            serverNameHost.on(
                    "GET",
                    "/.well-known/matrix/client",
                    ScriptedResponse.status(200).json("{}"));

            List<CheckResult> results = check(builder().wellKnownUri(serverNameHost.uri("")), WELL_KNOWN, VERSIONS);

            assertEquals(
                    MatrixRules.WELL_KNOWN_MISSING,
                    onlyError(actualResult(results)).ruleId());
            assertEquals(2, serverNameHost.requests().size());
            assertEquals(2, server.requests().size());
            assertTrue(server.requests().stream()
                    .allMatch(request -> request.path().startsWith("/_matrix/")));
        }
    }

    @Test
    void silentHostFailsFast() {
        server.otherwise(request -> ScriptedResponse.noReply());
        Probe quickProbe = Probe.builder()
                .connectTimeout(Duration.ofSeconds(1))
                .responseTimeout(Duration.ofMillis(300))
                .build();

        List<CheckResult> results;
        try (quickProbe) {
            results = check(builder().probe(quickProbe), SYNC, SEND, VERSIONS, DELETE_DEVICE);
        }

        assertEquals(8, results.size());
        assertEquals(2, server.requests().size(), server.requests().toString());
        for (CheckResult result : results.subList(0, 2)) {
            assertTrue(onlyError(result).message().contains(" got no HTTP response: "), result.report(Severity.INFO));
        }
        Finding notSent = onlyError(results.get(7));
        assertEquals(MatrixCorsChecker.PROBE_FAILED, notSent.ruleId());
        assertTrue(
                notSent.message()
                        .startsWith("DELETE " + server.uri("") + "/_matrix/client/v3/devices/MATRIXCORS"
                                + " was not sent, because the first request to " + server.uri("")
                                + " got no HTTP response: "),
                notSent.message());
    }

    @Test
    void oneSlowEndpointDoesNotStopOthers() {
        server.on("GET", "/_matrix/client/v3/sync", ScriptedResponse.noReply());
        Probe quickProbe = Probe.builder()
                .connectTimeout(Duration.ofSeconds(1))
                .responseTimeout(Duration.ofMillis(300))
                .build();

        List<CheckResult> results;
        try (quickProbe) {
            results = check(builder().probe(quickProbe), SYNC, VERSIONS);
        }

        assertTrue(results.get(0).passes(Severity.ERROR), results.get(0).report(Severity.INFO));
        assertEquals(MatrixCorsChecker.PROBE_FAILED, onlyError(results.get(1)).ruleId());
        assertTrue(results.get(3).passes(Severity.ERROR), results.get(3).report(Severity.INFO));
    }

    @Test
    void checkSummaryCountsPerGroup() {
        server.on(
                "GET",
                "/.well-known/matrix/client",
                ScriptedResponse.status(200).json("{}"));

        CheckSummary summary = CheckSummary.of(check(WELL_KNOWN, SYNC));

        assertEquals(4, summary.checks());
        assertEquals(1, summary.failedChecks());
        assertEquals(1, summary.count(Severity.ERROR));
        assertEquals(1, summary.perGroup().get(EndpointGroup.WELL_KNOWN).get(Severity.ERROR));
        assertEquals(0, summary.perGroup().get(EndpointGroup.SYNC).get(Severity.ERROR));
        assertTrue(
                summary.toString()
                        .startsWith(
                                "4 checks, 1 with at least one finding of severity ERROR\n" + "findings: 1 error, "),
                summary.toString());
    }

    @Test
    void builderRequiresBaseUri() {
        IllegalStateException error = assertThrows(
                IllegalStateException.class, () -> MatrixCorsChecker.builder().build());

        assertEquals(
                "The homeserver's base URI is missing: call MatrixCorsChecker.builder().baseUri(...)",
                error.getMessage());
    }

    @Test
    void builderRejectsOriginWithPath() {
        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class,
                () -> MatrixCorsChecker.builder().origins(List.of("https://app.element.io/")));

        assertEquals(
                "Invalid origin 'https://app.element.io/': use a serialized origin, scheme://host[:port] without a"
                        + " path or trailing slash, such as https://app.element.io",
                error.getMessage());
    }

    @Test
    void severalOriginsEachChecked() {
        List<CheckResult> results = check(builder().origins(List.of(ORIGIN, "http://localhost:8080")), VERSIONS);

        assertEquals(4, results.size());
        assertEquals(
                "GET /_matrix/client/versions from http://localhost:8080",
                results.get(3).name());
    }

    private MatrixCorsChecker.Builder builder() {
        return MatrixCorsChecker.builder().baseUri(server.uri("")).probe(probe);
    }

    private List<CheckResult> check(Endpoint... endpoints) {
        return check(builder(), endpoints);
    }

    private static List<CheckResult> check(MatrixCorsChecker.Builder builder, Endpoint... endpoints) {
        try (MatrixCorsChecker checker = builder.build()) {
            return checker.check(List.of(endpoints));
        }
    }

    private RecordedRequest onlyRequest(String method) {
        List<RecordedRequest> matching = server.requests().stream()
                .filter(request -> request.method().equals(method))
                .toList();
        assertEquals(1, matching.size(), server.requests().toString());
        return matching.get(0);
    }

    private static CheckResult actualResult(List<CheckResult> results) {
        return results.stream()
                .filter(result -> result.kind() == CheckKind.ACTUAL)
                .findFirst()
                .orElseThrow();
    }

    private static Finding onlyError(CheckResult result) {
        List<Finding> errors = result.findingsAtLeast(Severity.ERROR);
        assertEquals(1, errors.size(), result.report(Severity.INFO));
        return errors.get(0);
    }

    private static Set<String> ruleIds(CheckResult result) {
        Set<String> ids = new HashSet<>();
        result.findings().forEach(finding -> ids.add(finding.ruleId()));
        return ids;
    }

    private static List<ProxyKind> proxies(Finding finding) {
        return finding.fixHints().stream().map(FixHint::proxy).toList();
    }

    private static Endpoint endpoint(String method, String template) {
        return CATALOGUE.find(method, template).orElseThrow();
    }
}
