package io.github.matrixcors.testing;

import io.github.matrixcors.http.HeaderLine;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * An in-process HTTP/1.1 server on a loopback port that responds with exactly the bytes a test scripts: duplicate
 * header lines, invalid bytes, slow trickles, garbage or silence. Unlike a real server library it never adds, merges
 * or reorders header lines (it only appends {@code Content-Length} when the script sets none).
 *
 * <p>Responses are chosen by exact method and path ({@link #on}), then by a fallback handler ({@link #otherwise}),
 * else {@code 404} with no headers. Connections are kept alive between requests. Every request received is recorded.
 *
 * <pre>{@code
 * try (ScriptedHttpServer server = ScriptedHttpServer.start()) {
 *     server.on("GET", "/x", ScriptedResponse.status(200)
 *             .header("Access-Control-Allow-Origin", "*")
 *             .header("Access-Control-Allow-Origin", "*"));
 *     URI url = server.uri("/x");
 * }
 * }</pre>
 */
public final class ScriptedHttpServer implements AutoCloseable {

    private static final int MAX_HEAD_BYTES = 64 * 1024;

    private final ServerSocket listener;
    private final ExecutorService threads;
    private final Map<String, ScriptedResponse> routes = new ConcurrentHashMap<>();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final Set<Socket> openSockets = ConcurrentHashMap.newKeySet();
    private final CountDownLatch closed = new CountDownLatch(1);
    private volatile Function<RecordedRequest, ScriptedResponse> fallback = request -> ScriptedResponse.status(404);

    private ScriptedHttpServer(ServerSocket listener) {
        this.listener = listener;
        AtomicInteger counter = new AtomicInteger();
        this.threads = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "scripted-http-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        threads.execute(this::acceptLoop);
    }

    /** Starts a server on an ephemeral port of 127.0.0.1. */
    public static ScriptedHttpServer start() {
        try {
            ServerSocket listener = new ServerSocket();
            listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 512);
            return new ScriptedHttpServer(listener);
        } catch (IOException failure) {
            throw new IllegalStateException("Cannot bind a loopback port for the scripted HTTP server", failure);
        }
    }

    /** Responds to {@code method} requests for exactly {@code path} (query ignored) with {@code response}. */
    public ScriptedHttpServer on(String method, String path, ScriptedResponse response) {
        routes.put(method + " " + path, response);
        return this;
    }

    /** Responds to every request without a route with what {@code handler} returns. */
    public ScriptedHttpServer otherwise(Function<RecordedRequest, ScriptedResponse> handler) {
        this.fallback = handler;
        return this;
    }

    /** Returns the URL of {@code pathAndQuery} on this server, for example {@code http://127.0.0.1:41234/x}. */
    public URI uri(String pathAndQuery) {
        return URI.create("http://127.0.0.1:" + port() + pathAndQuery);
    }

    /** Returns the origin of this server, for example {@code http://127.0.0.1:41234}. */
    public String origin() {
        return "http://127.0.0.1:" + port();
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Returns every request received so far, in arrival order. */
    public List<RecordedRequest> requests() {
        return List.copyOf(requests);
    }

    /** Stops listening and closes every connection, including those held open by {@link ScriptedResponse#noReply()}. */
    @Override
    public void close() {
        closed.countDown();
        try {
            listener.close();
        } catch (IOException ignored) {
            // Closing is best effort; the port is released either way.
        }
        for (Socket socket : openSockets) {
            closeQuietly(socket);
        }
        threads.shutdownNow();
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket socket = listener.accept();
                openSockets.add(socket);
                threads.execute(() -> serve(socket));
            } catch (IOException stopped) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = socket.getOutputStream();
            while (true) {
                RecordedRequest request = readRequest(in);
                if (request == null) {
                    return;
                }
                requests.add(request);
                ScriptedResponse response = routes.get(request.method() + " " + request.path());
                if (response == null) {
                    response = fallback.apply(request);
                }
                if (!write(response, request, out)) {
                    return;
                }
            }
        } catch (IOException | InterruptedException connectionEnded) {
            // The client closed the connection or the server is closing.
        } finally {
            openSockets.remove(socket);
        }
    }

    // Returns whether the connection stays open for another request.
    private boolean write(ScriptedResponse response, RecordedRequest request, OutputStream out)
            throws IOException, InterruptedException {
        switch (response.mode()) {
            case NO_REPLY -> {
                closed.await();
                return false;
            }
            case CLOSE -> {
                return false;
            }
            default -> {
                byte[] bytes = response.bytes(request.method().equals("HEAD"));
                long pause = response.delayPerByte().toNanos();
                if (pause == 0) {
                    out.write(bytes);
                    out.flush();
                } else {
                    for (byte b : bytes) {
                        TimeUnit.NANOSECONDS.sleep(pause);
                        out.write(b);
                        out.flush();
                    }
                }
                return !response.closesConnection();
            }
        }
    }

    private static RecordedRequest readRequest(InputStream in) throws IOException {
        String requestLine = readLine(in);
        while (requestLine != null && requestLine.isEmpty()) {
            requestLine = readLine(in);
        }
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ", 3);
        if (parts.length < 2) {
            throw new SocketException("Invalid request line: " + requestLine);
        }

        List<HeaderLine> headers = new ArrayList<>();
        int headBytes = requestLine.length();
        String line;
        while ((line = readLine(in)) != null && !line.isEmpty()) {
            headBytes += line.length();
            if (headBytes > MAX_HEAD_BYTES) {
                throw new SocketException("Request head exceeds " + MAX_HEAD_BYTES + " bytes");
            }
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.add(new HeaderLine(
                        line.substring(0, colon), line.substring(colon + 1).trim()));
            }
        }

        byte[] body = new byte[0];
        for (HeaderLine header : headers) {
            if (header.hasName("Content-Length")) {
                body = in.readNBytes(Integer.parseInt(header.value().trim()));
            }
        }
        return new RecordedRequest(parts[0], parts[1], headers, body);
    }

    private static String readLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1);
                return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // Already closed by the peer.
        }
    }
}
