package io.github.matrixcors.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import io.github.matrixcors.cors.BrowserProfile;
import io.github.matrixcors.cors.BrowserRequest;
import io.github.matrixcors.cors.CorsEvaluator;
import io.github.matrixcors.cors.CorsRuleIds;
import io.github.matrixcors.cors.Finding;
import io.github.matrixcors.cors.Verdict;
import io.github.matrixcors.testing.ScriptedHttpServer;
import io.github.matrixcors.testing.ScriptedResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Each kind of bad input ends in a clear error or finding, within the configured timeouts. */
class BadInputTest {

    private static final String PAGE = "https://app.element.io";
    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);
    private static final Duration RESPONSE_TIMEOUT = Duration.ofMillis(700);
    /** The maximum time a failing call may take: both timeouts plus scheduling slack on a busy machine. */
    private static final Duration BOUND = Duration.ofMillis(1200 + 1500);

    private ScriptedHttpServer server;
    private Probe probe;

    @BeforeEach
    void start() {
        server = ScriptedHttpServer.start();
        probe = Probe.builder()
                .connectTimeout(CONNECT_TIMEOUT)
                .responseTimeout(RESPONSE_TIMEOUT)
                .build();
    }

    @AfterEach
    void stop() {
        probe.close();
        server.close();
    }

    @Test
    void malformedUrlNamesValueAndExample() {
        ProbeException failure = assertThrows(ProbeException.class, () -> Probe.parseUrl("http://matrix example.org"));

        assertThat(failure.kind(), equalTo(ProbeException.Kind.INVALID_URL));
        assertThat(failure.getMessage(), containsString("\"http://matrix example.org\""));
        assertThat(failure.getMessage(), containsString("https://matrix.example.org"));
    }

    @Test
    void urlWithoutSchemeIsRejected() {
        ProbeException failure = assertThrows(ProbeException.class, () -> Probe.parseUrl("matrix.example.org"));

        assertThat(failure.kind(), equalTo(ProbeException.Kind.INVALID_URL));
        assertThat(
                failure.getMessage(),
                equalTo("Invalid URL \"matrix.example.org\": the scheme must be http or https. Use an absolute"
                        + " http or https URL such as https://matrix.example.org."));
    }

    @Test
    void relativeRequestUrlIsRejected() {
        BrowserRequest request = BrowserRequest.of("GET", URI.create("/_matrix/client/versions"), PAGE);

        ProbeException failure = assertThrows(ProbeException.class, () -> probe.fetch(request));

        assertThat(failure.kind(), equalTo(ProbeException.Kind.INVALID_URL));
        assertThat(failure.getMessage(), containsString("\"/_matrix/client/versions\""));
    }

    @Test
    void refusedConnectionNamesUrl() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        URI url = URI.create("http://127.0.0.1:" + closedPort + "/_matrix/client/versions");

        ProbeException failure = failsWithin(() -> probe.fetch(BrowserRequest.of("GET", url, PAGE)));

        assertThat(failure.kind(), equalTo(ProbeException.Kind.CONNECTION_REFUSED));
        assertThat(failure.getMessage(), containsString("Connection refused for " + url));
        assertThat(failure.getMessage(), containsString("listens on 127.0.0.1:" + closedPort));
    }

    @Test
    void unacceptedConnectionTimesOut() throws IOException {
        // A listener that never accepts, with its backlog filled, makes the kernel drop further connection attempts.
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            List<Socket> fillers = new ArrayList<>();
            try {
                for (int i = 0; i < 8; i++) {
                    Socket filler = new Socket();
                    try {
                        filler.connect(full.getLocalSocketAddress(), 200);
                    } catch (SocketTimeoutException queueFull) {
                        filler.close();
                        break;
                    }
                    fillers.add(filler);
                }
                URI url = URI.create("http://127.0.0.1:" + full.getLocalPort() + "/");

                ProbeException failure = failsWithin(() -> probe.fetch(BrowserRequest.of("GET", url, PAGE)));

                assertThat(failure.kind(), equalTo(ProbeException.Kind.CONNECT_TIMEOUT));
                assertThat(failure.getMessage(), containsString("timed out after 500 ms"));
                assertThat(failure.getMessage(), containsString("connectTimeout"));
            } finally {
                for (Socket filler : fillers) {
                    filler.close();
                }
            }
        }
    }

    @Test
    void silentServerTimesOut() {
        server.on("GET", "/silent", ScriptedResponse.noReply());

        ProbeException failure = failsWithin(() -> probe.fetch(BrowserRequest.of("GET", server.uri("/silent"), PAGE)));

        assertThat(failure.kind(), equalTo(ProbeException.Kind.RESPONSE_TIMEOUT));
        assertThat(failure.getMessage(), containsString("No complete response to GET " + server.uri("/silent")));
        assertThat(failure.getMessage(), containsString("within 700 ms"));
        assertThat(failure.getMessage(), containsString("Probe.builder().responseTimeout(...)"));
        assertThat(failure.getMessage(), containsString("system property matrixcors.responseTimeout"));
    }

    @Test
    void portOutOfRangeIsInvalidUrl() {
        ProbeException parsed = assertThrows(ProbeException.class, () -> Probe.parseUrl("http://127.0.0.1:99999"));
        ProbeException sent = assertThrows(
                ProbeException.class,
                () -> probe.fetch(BrowserRequest.of("GET", URI.create("http://127.0.0.1:99999/x"), PAGE)));

        assertThat(parsed.kind(), equalTo(ProbeException.Kind.INVALID_URL));
        assertThat(
                parsed.getMessage(),
                startsWith("Invalid URL \"http://127.0.0.1:99999\": the port 99999 is out of range 1 to 65535."));
        assertThat(sent.kind(), equalTo(ProbeException.Kind.INVALID_URL));
        assertThat(sent.getMessage(), containsString("the port 99999 is out of range"));
    }

    @Test
    void tricklingServerHitsOverallDeadline() {
        // 20 ms per byte keeps every read far below the socket timeout, but the whole response takes over 4 s.
        StringBuilder padding = new StringBuilder();
        for (int i = 0; i < 200; i++) {
            padding.append('x');
        }
        server.on(
                "GET",
                "/slow",
                ScriptedResponse.status(200)
                        .header("X-Padding", padding.toString())
                        .slowly(Duration.ofMillis(20)));

        long started = System.nanoTime();
        ProbeException failure = failsWithin(() -> probe.fetch(BrowserRequest.of("GET", server.uri("/slow"), PAGE)));
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);

        assertThat(failure.kind(), equalTo(ProbeException.Kind.RESPONSE_TIMEOUT));
        assertThat(failure.getMessage(), containsString("within 1200 ms"));
        assertThat(elapsed.toMillis(), lessThan(BOUND.toMillis()));
    }

    @Test
    void tricklingBodyHitsOverallDeadline() {
        server.on(
                "GET",
                "/slow-body",
                ScriptedResponse.status(200)
                        .header("Access-Control-Allow-Origin", "*")
                        .body("y".repeat(200))
                        .slowly(Duration.ofMillis(20)));

        ProbeException failure =
                failsWithin(() -> probe.fetch(BrowserRequest.of("GET", server.uri("/slow-body"), PAGE)));

        assertThat(failure.kind(), equalTo(ProbeException.Kind.RESPONSE_TIMEOUT));
    }

    @Test
    void headerLineWithoutColonIsNamed() {
        server.on("GET", "/garbled", ScriptedResponse.status(200).headerLine("this is not a header"));

        ProbeException failure = failsWithin(() -> probe.fetch(BrowserRequest.of("GET", server.uri("/garbled"), PAGE)));

        assertThat(failure.kind(), equalTo(ProbeException.Kind.NOT_HTTP));
        assertThat(failure.getMessage(), containsString("this is not a header"));
    }

    @Test
    void closedProbeRejectsRequests() {
        probe.close();

        IllegalStateException failure = assertThrows(
                IllegalStateException.class, () -> probe.fetch(BrowserRequest.of("GET", server.uri("/"), PAGE)));

        assertThat(failure.getMessage(), containsString("closed"));
    }

    @Test
    void nonHttpReplyIsNamed() {
        server.on("GET", "/ssh", ScriptedResponse.raw("SSH-2.0-OpenSSH_9.2p1 Debian-2\r\n"));

        ProbeException failure = failsWithin(() -> probe.fetch(BrowserRequest.of("GET", server.uri("/ssh"), PAGE)));

        assertThat(failure.kind(), equalTo(ProbeException.Kind.NOT_HTTP));
        assertThat(failure.getMessage(), containsString("did not send a valid HTTP/1.x response"));
        assertThat(failure.getMessage(), containsString("check that the URL's scheme and port"));
    }

    @Test
    void closeWithoutReplyIsNamed() {
        server.on("GET", "/close", ScriptedResponse.closeWithoutReply());

        ProbeException failure = failsWithin(() -> probe.fetch(BrowserRequest.of("GET", server.uri("/close"), PAGE)));

        assertThat(failure.kind(), equalTo(ProbeException.Kind.NOT_HTTP));
        assertThat(failure.getMessage(), containsString("closed before a status line arrived"));
    }

    @Test
    void hugeHeaderLineIsRejected() {
        server.on("GET", "/huge", ScriptedResponse.status(200).header("X-Huge", "x".repeat(100_000)));

        ProbeException failure = failsWithin(() -> probe.fetch(BrowserRequest.of("GET", server.uri("/huge"), PAGE)));

        assertThat(failure.kind(), equalTo(ProbeException.Kind.RESPONSE_TOO_LARGE));
        assertThat(failure.getMessage(), containsString(String.valueOf(Probe.MAX_HEADER_LINE_LENGTH)));
        assertThat(failure.getMessage(), containsString("shorten the headers"));
    }

    @Test
    void tooManyHeaderLinesAreRejected() {
        ScriptedResponse response = ScriptedResponse.status(200);
        for (int i = 0; i < Probe.MAX_HEADER_COUNT + 10; i++) {
            response.header("X-Line-" + i, "1");
        }
        server.on("GET", "/many", response);

        ProbeException failure = failsWithin(() -> probe.fetch(BrowserRequest.of("GET", server.uri("/many"), PAGE)));

        assertThat(failure.kind(), equalTo(ProbeException.Kind.RESPONSE_TOO_LARGE));
        assertThat(failure.getMessage(), containsString(Probe.MAX_HEADER_COUNT + " header lines"));
    }

    @Test
    void invalidBytesInAllowOriginAreQuoted() {
        server.on("GET", "/nul", ScriptedResponse.status(200).header("Access-Control-Allow-Origin", "*\u0000"));
        BrowserRequest request = BrowserRequest.of("GET", server.uri("/nul"), PAGE);

        Verdict verdict = new CorsEvaluator(BrowserProfile.CHROMIUM).evaluateResponse(request, probe.fetch(request));

        assertThat(verdict.allowed(), is(false));
        assertThat(verdict.findings(), hasSize(1));
        Finding finding = verdict.findings().get(0);
        assertThat(finding.ruleId(), equalTo(CorsRuleIds.ALLOW_ORIGIN_MISMATCH));
        assertThat(finding.message(), containsString("Access-Control-Allow-Origin is \"*\\x00\""));
    }

    @Test
    void redirectLoopStopsAtBrowserLimit() {
        server.on("GET", "/loop", ScriptedResponse.redirect(302, "/loop"));

        ProbeException failure = failsWithin(() -> probe.fetch(BrowserRequest.of("GET", server.uri("/loop"), PAGE)));

        assertThat(failure.kind(), equalTo(ProbeException.Kind.TOO_MANY_REDIRECTS));
        assertThat(failure.getMessage(), containsString("More than 20 redirects starting at " + server.uri("/loop")));
        assertThat(failure.partialExchange().orElseThrow().hops(), hasSize(21));
    }

    private static ProbeException failsWithin(Executable call) {
        return assertTimeoutPreemptively(BOUND, () -> assertThrows(ProbeException.class, call));
    }
}
