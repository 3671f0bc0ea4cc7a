package io.github.matrixcors.testcontainers;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import io.github.matrixcors.cors.ProxyKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Network;

/**
 * Errors that the proxy makes itself, which Synapse's own CORS headers cannot cover: 502 or 503 when the homeserver
 * refuses the connection, and 413 for a body above the proxy's limit. The correct presets add exactly one
 * {@code Access-Control-Allow-Origin} to them; the presets without CORS on errors add none.
 */
class ProxyErrorCorsTest {

    private static final Network NETWORK = ContainerCleanup.newNetwork();

    private static final SynapseContainer SYNAPSE = new SynapseContainer(MatrixImages.synapse())
            .withNetwork(NETWORK)
            .withNetworkAliases(MatrixStack.HOMESERVER_ALIAS);

    private static final Map<String, ProxyContainer<?>> PROXIES = new LinkedHashMap<>();

    @BeforeAll
    static void startStack() {
        for (ProxyKind kind : ProxyKind.values()) {
            for (ProxyPreset preset : List.of(ProxyPreset.CORRECT, ProxyPreset.BROKEN_NO_CORS_ON_ERRORS)) {
                ProxyContainer<?> proxy = MatrixStack.newProxy(kind).withPreset(preset);
                // Synapse's name resolves, but nothing listens on this port, so every proxied request fails at once.
                proxy.withNetwork(NETWORK).withHomeserverAddress(MatrixStack.HOMESERVER_ALIAS + ":8009");
                PROXIES.put(kind + " " + preset, proxy);
            }
        }
        SYNAPSE.start();
        CompletableFuture.allOf(PROXIES.values().stream()
                        .map(proxy -> CompletableFuture.runAsync(proxy::start))
                        .toArray(CompletableFuture[]::new))
                .join();
    }

    @AfterAll
    static void stopContainers() {
        PROXIES.values().forEach(ProxyContainer::stop);
        SYNAPSE.stop();
        NETWORK.close();
    }

    @Test
    void correctPresetsCoverGatewayErrors() throws IOException {
        for (ProxyKind kind : ProxyKind.values()) {
            Answer answer = send(PROXIES.get(kind + " CORRECT").baseUri(), "GET", 0);

            assertThat(kind + " status", answer.status(), greaterThanOrEqualTo(502));
            assertThat(kind + " Access-Control-Allow-Origin", answer.allowOrigin(), equalTo(List.of("*")));
        }
    }

    @Test
    void brokenPresetsLackCorsOnGatewayErrors() throws IOException {
        for (ProxyKind kind : ProxyKind.values()) {
            Answer answer = send(PROXIES.get(kind + " BROKEN_NO_CORS_ON_ERRORS").baseUri(), "GET", 0);

            assertThat(kind + " status", answer.status(), greaterThanOrEqualTo(502));
            assertThat(kind + " Access-Control-Allow-Origin", answer.allowOrigin(), equalTo(List.of()));
        }
    }

    @Test
    void correctPresetsCoverBodyTooLarge() throws IOException {
        // Caddy and httpd enforce their limits only while they read the body, so only nginx answers a bare header.
        Answer answer = send(PROXIES.get("NGINX CORRECT").baseUri(), "POST", 60_000_000);

        assertThat(answer.status(), equalTo(413));
        assertThat(answer.allowOrigin(), equalTo(List.of("*")));
    }

    record Answer(int status, List<String> allowOrigin) {}

    /** Sends a request with an Origin header and, for a POST, only the announced Content-Length, no body. */
    private static Answer send(URI proxy, String method, long contentLength) throws IOException {
        try (Socket socket = new Socket(proxy.getHost(), proxy.getPort())) {
            socket.setSoTimeout(10_000);
            String request = method + " /_matrix/media/v3/upload HTTP/1.1\r\nHost: localhost\r\n"
                    + "Origin: https://app.element.io\r\nConnection: close\r\n"
                    + (method.equals("POST")
                            ? "Content-Type: image/png\r\nContent-Length: " + contentLength + "\r\n"
                            : "")
                    + "\r\n";
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();

            InputStream in = socket.getInputStream();
            String head = readHead(in);
            String[] lines = head.split("\r\n");
            int status = Integer.parseInt(lines[0].split(" ")[1]);
            List<String> allowOrigin = new ArrayList<>();
            for (String line : lines) {
                if (line.toLowerCase(Locale.ROOT).startsWith("access-control-allow-origin:")) {
                    allowOrigin.add(line.substring(line.indexOf(':') + 1).strip());
                }
            }
            return new Answer(status, allowOrigin);
        }
    }

    private static String readHead(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int next;
        while ((next = in.read()) != -1) {
            head.append((char) next);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
        }
        return head.toString();
    }
}
