package io.github.matrixcors.examples.browser;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * An empty HTML page served on {@code http://127.0.0.1:<free port>}: the origin the browser's {@code fetch()} calls
 * come from.
 */
final class PageServer implements AutoCloseable {

    private static final byte[] PAGE = "<!doctype html><html><head><meta charset=\"utf-8\"><title>matrix-cors</title>"
            .concat("</head><body></body></html>")
            .getBytes(StandardCharsets.UTF_8);

    private final HttpServer server;

    PageServer() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the page server on a loopback port", e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** Returns the page's origin, for example {@code http://127.0.0.1:40123}. */
    String origin() {
        return "http://" + server.getAddress().getAddress().getHostAddress() + ":"
                + server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestURI().getPath().equals("/")) {
                // The browser requests /favicon.ico; a 404 would only add noise to the console.
                exchange.sendResponseHeaders(204, -1);
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, PAGE.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(PAGE);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
