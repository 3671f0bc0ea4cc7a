package io.github.matrixcors.junit;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.github.matrixcors.MatrixAccount;
import io.github.matrixcors.MatrixHomeserver;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An in-process stand-in for a homeserver on 127.0.0.1 and a free port, which returns an empty JSON object on every
 * path. With {@code cors} true it sends the CORS headers that Synapse sends. Without, it sends none, like a proxy that
 * strips them. It counts lifecycle calls so that tests can check what the extension started and stopped.
 */
final class LoopbackHomeserver implements MatrixHomeserver {

    private final boolean cors;
    private final boolean registration;
    private final AtomicInteger starts = new AtomicInteger();
    private final AtomicInteger stops = new AtomicInteger();
    private final AtomicInteger registrations = new AtomicInteger();
    private final AtomicInteger authorizedRequests = new AtomicInteger();
    private HttpServer server;
    private ExecutorService executor;

    LoopbackHomeserver(boolean cors, boolean registration) {
        this.cors = cors;
        this.registration = registration;
    }

    static LoopbackHomeserver compliant() {
        return new LoopbackHomeserver(true, true);
    }

    static LoopbackHomeserver withoutCors() {
        return new LoopbackHomeserver(false, false);
    }

    @Override
    public synchronized void start() {
        starts.incrementAndGet();
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 50);
        } catch (IOException failure) {
            throw new IllegalStateException("Could not bind a loopback port", failure);
        }
        server.createContext("/", this::handle);
        executor = Executors.newFixedThreadPool(4);
        server.setExecutor(executor);
        server.start();
    }

    @Override
    public synchronized void stop() {
        stops.incrementAndGet();
        if (server != null) {
            server.stop(0);
            executor.shutdownNow();
            server = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return server != null;
    }

    @Override
    public synchronized URI baseUri() {
        if (server == null) {
            throw new IllegalStateException("The loopback homeserver is not running");
        }
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public boolean supportsRegistration() {
        return registration;
    }

    @Override
    public MatrixAccount registerUser(String localpart) {
        if (!registration) {
            return MatrixHomeserver.super.registerUser(localpart);
        }
        registrations.incrementAndGet();
        return new MatrixAccount("@" + localpart + ":localhost", "token-" + localpart, "DEVICE");
    }

    int starts() {
        return starts.get();
    }

    int stops() {
        return stops.get();
    }

    int registrations() {
        return registrations.get();
    }

    /** Returns how many requests carried an access token issued by {@link #registerUser}. */
    int authorizedRequests() {
        return authorizedRequests.get();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (InputStream body = exchange.getRequestBody()) {
            body.readAllBytes();
        }
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization != null && authorization.startsWith("Bearer token-")) {
            authorizedRequests.incrementAndGet();
        }
        Headers headers = exchange.getResponseHeaders();
        if (cors) {
            headers.add("Access-Control-Allow-Origin", "*");
            headers.add("Access-Control-Allow-Methods", "GET, HEAD, POST, PUT, DELETE, OPTIONS");
            headers.add("Access-Control-Allow-Headers", "X-Requested-With, Content-Type, Authorization, Date");
            headers.add("Access-Control-Max-Age", "7200");
        }
        if (exchange.getRequestMethod().equals("OPTIONS")) {
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            return;
        }
        byte[] json = "{}".getBytes(StandardCharsets.UTF_8);
        headers.add("Content-Type", "application/json");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(200, head ? -1 : json.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(json);
            }
        }
        exchange.close();
    }
}
