package io.github.matrixcors.examples.browser;

import io.github.matrixcors.cors.BrowserRequest;
import io.github.matrixcors.examples.browser.ScriptedCorsServer.ScriptedResponse;
import io.github.matrixcors.http.HeaderLine;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Scripted server responses whose browser outcome is known, one path per case, and the calls that exercise them.
 * The call for a path is named after the path.
 */
final class ScriptedCorsCases {

    /** The CORS headers Synapse sends on every response. */
    static final String[] SYNAPSE_CORS = {
        "Access-Control-Allow-Origin", "*",
        "Access-Control-Allow-Methods", "GET, HEAD, POST, PUT, DELETE, OPTIONS",
        "Access-Control-Allow-Headers", "X-Requested-With, Content-Type, Authorization, Date",
        "Access-Control-Expose-Headers", "Synapse-Trace-Id, Server"
    };

    private ScriptedCorsCases() {}

    /**
     * Returns one call per case whose redirects, if any, stay on the scripted server. The case
     * {@code /redirect-to-remote-host} is left out because following it means resolving a name that is not loopback.
     */
    static List<BrowserCall> calls(HeadlessChromium chromium, URI baseUri) {
        List<BrowserCall> calls = new ArrayList<>();
        calls.add(put(chromium, baseUri, "/good"));
        calls.add(get(chromium, baseUri, "/simple"));
        calls.add(get(chromium, baseUri, "/no-allow-origin"));
        calls.add(get(chromium, baseUri, "/duplicate-allow-origin"));
        calls.add(put(chromium, baseUri, "/preflight-404"));
        calls.add(put(chromium, baseUri, "/preflight-404-with-cors"));
        calls.add(put(chromium, baseUri, "/preflight-redirect"));
        calls.add(put(chromium, baseUri, "/authorization-not-allowed"));
        calls.add(put(chromium, baseUri, "/wildcard-allow-headers"));
        calls.add(put(chromium, baseUri, "/method-not-allowed"));
        calls.add(authorizedGet(chromium, baseUri, "/unauthorized"));
        calls.add(authorizedGet(chromium, baseUri, "/unauthorized-without-cors"));
        calls.add(get(chromium, baseUri, "/redirect-with-cors"));
        calls.add(get(chromium, baseUri, "/redirect-without-cors"));
        calls.add(get(chromium, baseUri, "/allow-origin-other"));
        calls.add(put(chromium, baseUri, "/allow-origin-echo"));
        calls.add(put(chromium, baseUri, "/allow-methods-lowercase"));
        calls.add(put(chromium, baseUri, "/allow-methods-two-lines"));
        calls.add(put(chromium, baseUri, "/allow-headers-invalid"));
        calls.add(put(chromium, baseUri, "/preflight-200-with-body"));
        return calls;
    }

    /** Returns a preflighted {@code PUT} with {@code Authorization}, a JSON content type and a {@code {}} body. */
    static BrowserCall put(HeadlessChromium chromium, URI baseUri, String path) {
        BrowserRequest request = BrowserRequest.of("PUT", chromium.uniqueUrl(baseUri.resolve(path)), chromium.origin())
                .withHeader("Authorization", "Bearer harness-token")
                .withHeader("Content-Type", "application/json");
        return new BrowserCall(path, request, "{}");
    }

    /** Returns a simple {@code GET}, sent without a preflight. */
    static BrowserCall get(HeadlessChromium chromium, URI baseUri, String path) {
        URI url = chromium.uniqueUrl(baseUri.resolve(path));
        return BrowserCall.of(path, BrowserRequest.of("GET", url, chromium.origin()));
    }

    /** Returns a {@code GET} with an invalid {@code Authorization} token, which needs a preflight. */
    static BrowserCall authorizedGet(HeadlessChromium chromium, URI baseUri, String path) {
        URI url = chromium.uniqueUrl(baseUri.resolve(path));
        BrowserRequest request =
                BrowserRequest.of("GET", url, chromium.origin()).withHeader("Authorization", "Bearer bad-token");
        return BrowserCall.of(path, request);
    }

    static void install(ScriptedCorsServer server) {
        server.route(
                "/good",
                request -> request.method().equals("OPTIONS")
                        ? ScriptedResponse.of(204, SYNAPSE_CORS)
                        : ScriptedResponse.of(
                                200,
                                concat(
                                        SYNAPSE_CORS,
                                        "Content-Type",
                                        "application/json",
                                        "Synapse-Trace-Id",
                                        "abc",
                                        "X-Hidden",
                                        "secret")));

        server.route(
                "/simple",
                request -> ScriptedResponse.of(200, concat(SYNAPSE_CORS, "Content-Type", "application/json")));

        server.route("/no-allow-origin", request -> ScriptedResponse.of(200, "Content-Type", "application/json"));

        server.route(
                "/duplicate-allow-origin",
                request -> ScriptedResponse.of(200, concat(SYNAPSE_CORS, "Access-Control-Allow-Origin", "*")));

        server.route(
                "/preflight-404",
                request -> request.method().equals("OPTIONS")
                        ? ScriptedResponse.of(404, "Content-Type", "text/html")
                        : ScriptedResponse.of(200, SYNAPSE_CORS));

        server.route("/preflight-404-with-cors", request -> ScriptedResponse.of(404, SYNAPSE_CORS));

        server.route(
                "/preflight-redirect",
                request -> request.method().equals("OPTIONS")
                        ? ScriptedResponse.of(307, concat(SYNAPSE_CORS, "Location", "/good"))
                        : ScriptedResponse.of(200, SYNAPSE_CORS));

        server.route(
                "/authorization-not-allowed",
                request -> ScriptedResponse.of(
                        request.method().equals("OPTIONS") ? 204 : 200,
                        "Access-Control-Allow-Origin",
                        "*",
                        "Access-Control-Allow-Methods",
                        "PUT",
                        "Access-Control-Allow-Headers",
                        "Content-Type"));

        server.route(
                "/wildcard-allow-headers",
                request -> ScriptedResponse.of(
                        request.method().equals("OPTIONS") ? 204 : 200,
                        "Access-Control-Allow-Origin",
                        "*",
                        "Access-Control-Allow-Methods",
                        "PUT",
                        "Access-Control-Allow-Headers",
                        "*"));

        server.route(
                "/method-not-allowed",
                request -> ScriptedResponse.of(
                        request.method().equals("OPTIONS") ? 204 : 200,
                        "Access-Control-Allow-Origin",
                        "*",
                        "Access-Control-Allow-Methods",
                        "GET, POST",
                        "Access-Control-Allow-Headers",
                        "Content-Type, Authorization"));

        server.route(
                "/unauthorized",
                request -> ScriptedResponse.of(request.method().equals("OPTIONS") ? 204 : 401, SYNAPSE_CORS));

        server.route(
                "/unauthorized-without-cors",
                request -> request.method().equals("OPTIONS")
                        ? ScriptedResponse.of(204, SYNAPSE_CORS)
                        : ScriptedResponse.of(401, "Content-Type", "application/json"));

        server.route(
                "/redirect-with-cors",
                request -> ScriptedResponse.of(302, concat(SYNAPSE_CORS, "Location", "/redirect-target")));

        server.route("/redirect-target", request -> ScriptedResponse.of(200, SYNAPSE_CORS));

        server.route(
                "/redirect-to-remote-host",
                request -> ScriptedResponse.of(
                        302, concat(SYNAPSE_CORS, "Location", "http://matrix.example.org/_matrix/client/versions")));

        server.route(
                "/redirect-without-cors", request -> ScriptedResponse.of(302, "Location", "/target-of-bare-redirect"));

        server.route(
                "/allow-origin-other",
                request -> ScriptedResponse.of(200, "Access-Control-Allow-Origin", "https://app.element.io"));

        server.route(
                "/allow-origin-echo",
                request -> ScriptedResponse.of(
                        request.method().equals("OPTIONS") ? 204 : 200,
                        "Access-Control-Allow-Origin",
                        request.header("Origin"),
                        "Access-Control-Allow-Methods",
                        "PUT",
                        "Access-Control-Allow-Headers",
                        "Content-Type, Authorization",
                        "Vary",
                        "Origin"));

        server.route(
                "/allow-methods-lowercase",
                request -> ScriptedResponse.of(
                        request.method().equals("OPTIONS") ? 204 : 200,
                        "Access-Control-Allow-Origin",
                        "*",
                        "Access-Control-Allow-Methods",
                        "get, put",
                        "Access-Control-Allow-Headers",
                        "Content-Type, Authorization"));

        server.route(
                "/allow-methods-two-lines",
                request -> ScriptedResponse.of(
                        request.method().equals("OPTIONS") ? 204 : 200,
                        "Access-Control-Allow-Origin",
                        "*",
                        "Access-Control-Allow-Methods",
                        "GET",
                        "Access-Control-Allow-Methods",
                        "PUT",
                        "Access-Control-Allow-Headers",
                        "Content-Type, Authorization"));

        server.route(
                "/allow-headers-invalid",
                request -> ScriptedResponse.of(
                        request.method().equals("OPTIONS") ? 204 : 200,
                        "Access-Control-Allow-Origin",
                        "*",
                        "Access-Control-Allow-Methods",
                        "PUT",
                        "Access-Control-Allow-Headers",
                        "Content-Type; Authorization"));

        server.route(
                "/preflight-200-with-body",
                request -> new ScriptedResponse(
                        200,
                        List.of(
                                new HeaderLine("Access-Control-Allow-Origin", "*"),
                                new HeaderLine("Access-Control-Allow-Methods", "PUT"),
                                new HeaderLine("Access-Control-Allow-Headers", "authorization, content-type"),
                                new HeaderLine("Content-Type", "application/json")),
                        "{}"));
    }

    private static String[] concat(String[] first, String... more) {
        List<String> lines = new ArrayList<>(List.of(first));
        lines.addAll(List.of(more));
        return lines.toArray(String[]::new);
    }
}
