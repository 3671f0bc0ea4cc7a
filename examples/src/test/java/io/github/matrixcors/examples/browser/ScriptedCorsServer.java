package io.github.matrixcors.examples.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.matrixcors.http.HeaderLine;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * An in-process HTTP server on {@code http://localhost:<free port>} whose responses a test scripts per path, so the
 * browser harness can be checked against cases whose outcome is known. Every request it receives is recorded.
 */
final class ScriptedCorsServer implements AutoCloseable {

    /** A request as the server received it; {@code path} excludes the query. */
    record ReceivedRequest(String method, String path, String query, List<HeaderLine> headers) {

        String header(String name) {
            return headers.stream()
                    .filter(line -> line.hasName(name))
                    .map(HeaderLine::value)
                    .findFirst()
                    .orElse(null);
        }
    }

    /** A scripted response: status, header lines in order (duplicates allowed) and a UTF-8 body. */
    record ScriptedResponse(int status, List<HeaderLine> headers, String body) {

        static ScriptedResponse of(int status, String... namesAndValues) {
            List<HeaderLine> lines = new ArrayList<>();
            for (int i = 0; i < namesAndValues.length; i += 2) {
                lines.add(new HeaderLine(namesAndValues[i], namesAndValues[i + 1]));
            }
            return new ScriptedResponse(status, lines, status == 204 ? "" : "{}");
        }
    }

    private final HttpServer server;
    private final Map<String, Function<ReceivedRequest, ScriptedResponse>> routes = new ConcurrentHashMap<>();
    private final List<ReceivedRequest> received = new CopyOnWriteArrayList<>();

    ScriptedCorsServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the scripted server on a loopback port", e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** Returns the server's base URI on the host name {@code localhost}, a different origin from the page's. */
    URI baseUri() {
        return URI.create("http://localhost:" + server.getAddress().getPort());
    }

    /** Responds to every request for {@code path} (any query, any method) with what {@code responder} returns. */
    void route(String path, Function<ReceivedRequest, ScriptedResponse> responder) {
        routes.put(path, responder);
    }

    /** Returns the requests received for {@code path} so far, in order of arrival. */
    List<ReceivedRequest> receivedFor(String path) {
        return received.stream().filter(request -> request.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            List<HeaderLine> headers = new ArrayList<>();
            exchange.getRequestHeaders()
                    .forEach((name, values) -> values.forEach(value -> headers.add(new HeaderLine(name, value))));
            exchange.getRequestBody().readAllBytes();
            ReceivedRequest request = new ReceivedRequest(
                    exchange.getRequestMethod(),
                    exchange.getRequestURI().getRawPath(),
                    exchange.getRequestURI().getRawQuery(),
                    headers);
            received.add(request);

            Function<ReceivedRequest, ScriptedResponse> responder = routes.get(request.path());
            ScriptedResponse response = responder == null
                    ? ScriptedResponse.of(404, "Content-Type", "application/json")
                    : responder.apply(request);
            for (HeaderLine line : response.headers()) {
                exchange.getResponseHeaders().add(line.name(), line.value());
            }
            byte[] body = response.body().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
