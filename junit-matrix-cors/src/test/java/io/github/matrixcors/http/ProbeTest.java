package io.github.matrixcors.http;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.matrixcors.cors.BrowserRequest;
import io.github.matrixcors.testing.RecordedRequest;
import io.github.matrixcors.testing.ScriptedHttpServer;
import io.github.matrixcors.testing.ScriptedResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProbeTest {

    private static final String PAGE = "https://app.element.io";

    private ScriptedHttpServer server;
    private Probe probe;

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
    void duplicateHeaderLinesStayApartInOrder() {
        server.on(
                "GET",
                "/versions",
                ScriptedResponse.status(200)
                        .header("Access-Control-Allow-Origin", "*")
                        .header("X-Between", "1")
                        .header("access-control-allow-origin", "*")
                        .header("Access-Control-Allow-Headers", "Authorization")
                        .header("Access-Control-Allow-Headers", "Content-Type"));

        Hop hop = probe.send(new SentRequest("GET", server.uri("/versions"), List.of()));

        List<String> names = hop.headers().stream().map(HeaderLine::name).toList();
        assertThat(
                names,
                contains(
                        "Access-Control-Allow-Origin",
                        "X-Between",
                        "access-control-allow-origin",
                        "Access-Control-Allow-Headers",
                        "Access-Control-Allow-Headers",
                        "Content-Length"));
        assertThat(hop.values("Access-Control-Allow-Origin"), contains("*", "*"));
        assertThat(hop.values("Access-Control-Allow-Headers"), contains("Authorization", "Content-Type"));
    }

    @Test
    void headerBytesAreKeptAsLatin1Characters() {
        server.on("GET", "/odd", ScriptedResponse.status(200).header("Access-Control-Allow-Origin", "*\u0001\u00ff"));

        Hop hop = probe.send(new SentRequest("GET", server.uri("/odd"), List.of()));

        assertThat(hop.values("Access-Control-Allow-Origin"), contains("*\u0001\u00ff"));
    }

    @Test
    void preflightIsShapedLikeBrowsers() {
        server.on("OPTIONS", "/_matrix/client/v3/sync", ScriptedResponse.status(204));
        BrowserRequest request = BrowserRequest.of("put", server.uri("/_matrix/client/v3/sync"), PAGE)
                .withHeader("Authorization", "Bearer secret")
                .withHeader("Content-Type", "application/json")
                .withHeader("X-Requested-With", "XMLHttpRequest");

        Exchange exchange = probe.preflight(request);

        RecordedRequest received = server.requests().get(0);
        assertThat(received.method(), equalTo("OPTIONS"));
        assertThat(received.header("Origin"), equalTo(PAGE));
        assertThat(received.header("Accept"), equalTo("*/*"));
        assertThat(received.header("Access-Control-Request-Method"), equalTo("PUT"));
        assertThat(
                received.header("Access-Control-Request-Headers"),
                equalTo("authorization,content-type,x-requested-with"));
        assertThat(received.header("Authorization"), is(nullValue()));
        assertThat(received.header("User-Agent"), equalTo(Probe.USER_AGENT));
        assertThat(received.header("Accept-Encoding"), is(nullValue()));
        assertThat(received.header("Upgrade"), is(nullValue()));
        assertThat(exchange.hops(), hasSize(1));
        assertThat(exchange.first().request().header("Host"), equalTo("127.0.0.1:" + server.port()));
    }

    @Test
    void preflightOmitsRequestHeadersWhenAllSafelisted() {
        server.on("OPTIONS", "/x", ScriptedResponse.status(204));

        probe.preflight(BrowserRequest.of("DELETE", server.uri("/x"), PAGE).withHeader("Accept", "application/json"));

        assertThat(server.requests().get(0).header("Access-Control-Request-Headers"), is(nullValue()));
    }

    @Test
    void preflightNeverFollowsRedirects() {
        server.on("OPTIONS", "/old", ScriptedResponse.redirect(301, "/new"));

        Exchange exchange = probe.preflight(BrowserRequest.of("PUT", server.uri("/old"), PAGE));

        assertThat(exchange.hops(), hasSize(1));
        assertThat(exchange.first().status(), equalTo(301));
        assertThat(server.requests(), hasSize(1));
    }

    @Test
    void fetchFollowsSameOriginRedirectKeepingAuthorization() {
        server.on("GET", "/old", ScriptedResponse.redirect(302, "/new"));
        server.on("GET", "/new", ScriptedResponse.status(200));

        Exchange exchange = probe.fetch(
                BrowserRequest.of("GET", server.uri("/old"), PAGE).withHeader("Authorization", "Bearer secret"));

        assertThat(exchange.hops(), hasSize(2));
        assertThat(exchange.last().request().uri(), equalTo(server.uri("/new")));
        assertThat(server.requests().get(1).header("Authorization"), equalTo("Bearer secret"));
        assertThat(server.requests().get(1).header("Origin"), equalTo(PAGE));
    }

    @Test
    void fetchTurnsPostIntoGetOn302() {
        server.on("POST", "/old", ScriptedResponse.redirect(302, "/new"));
        server.on("GET", "/new", ScriptedResponse.status(200));

        Exchange exchange = probe.fetch(
                BrowserRequest.of("POST", server.uri("/old"), PAGE).withHeader("Content-Type", "application/json"));

        RecordedRequest first = server.requests().get(0);
        RecordedRequest second = server.requests().get(1);
        assertThat(new String(first.body()), equalTo("{}"));
        assertThat(second.method(), equalTo("GET"));
        assertThat(second.header("Content-Type"), is(nullValue()));
        assertThat(exchange.last().status(), equalTo(200));
    }

    @Test
    void fetchKeepsPutAndBodyOn307() {
        server.on("PUT", "/old", ScriptedResponse.redirect(307, "/new"));
        server.on("PUT", "/new", ScriptedResponse.status(200));

        probe.fetch(BrowserRequest.of("PUT", server.uri("/old"), PAGE).withHeader("Content-Type", "application/json"));

        RecordedRequest second = server.requests().get(1);
        assertThat(second.method(), equalTo("PUT"));
        assertThat(new String(second.body()), equalTo("{}"));
    }

    @Test
    void crossOriginRedirectTaintsOriginAndDropsAuthorization() {
        try (ScriptedHttpServer other = ScriptedHttpServer.start()) {
            server.on(
                    "GET",
                    "/start",
                    ScriptedResponse.redirect(302, other.uri("/target").toString()));
            other.on("GET", "/target", ScriptedResponse.status(200));

            Exchange exchange = probe.fetch(
                    BrowserRequest.of("GET", server.uri("/start"), PAGE).withHeader("Authorization", "Bearer secret"));

            RecordedRequest atTarget = other.requests().get(0);
            assertThat(atTarget.header("Origin"), equalTo("null"));
            assertThat(atTarget.header("Authorization"), is(nullValue()));
            assertThat(exchange.hops(), hasSize(2));
            assertThat(exchange.last().request().header("Origin"), equalTo("null"));
        }
    }

    @Test
    void sameOriginPageKeepsOriginAfterRedirect() {
        try (ScriptedHttpServer other = ScriptedHttpServer.start()) {
            server.on(
                    "GET",
                    "/start",
                    ScriptedResponse.redirect(302, other.uri("/target").toString()));
            other.on("GET", "/target", ScriptedResponse.status(200));

            probe.fetch(BrowserRequest.of("GET", server.uri("/start"), server.origin()));

            assertThat(other.requests().get(0).header("Origin"), equalTo(server.origin()));
        }
    }

    @Test
    void redirectLoopFailsNamingTheUrls() {
        server.on("GET", "/a", ScriptedResponse.redirect(302, "/b"));
        server.on("GET", "/b", ScriptedResponse.redirect(302, "/a"));

        try (Probe limited = Probe.builder().maxRedirects(3).build()) {
            ProbeException failure = assertThrows(
                    ProbeException.class, () -> limited.fetch(BrowserRequest.of("GET", server.uri("/a"), PAGE)));

            assertThat(failure.kind(), equalTo(ProbeException.Kind.TOO_MANY_REDIRECTS));
            assertThat(failure.getMessage(), containsString("More than 3 redirects"));
            assertThat(failure.getMessage(), containsString(server.uri("/a") + " -> " + server.uri("/b")));
            assertThat(failure.getMessage(), containsString("redirect loop"));
            assertThat(failure.partialExchange().orElseThrow().hops(), hasSize(4));
        }
    }

    @Test
    void manyConcurrentRequestsAllComplete() {
        server.otherwise(request -> ScriptedResponse.status(200).header("Access-Control-Allow-Origin", "*"));
        List<CompletableFuture<Exchange>> futures = new ArrayList<>();

        for (int i = 0; i < 200; i++) {
            futures.add(probe.fetchAsync(BrowserRequest.of("GET", server.uri("/n/" + i), PAGE)));
        }

        for (int i = 0; i < futures.size(); i++) {
            Exchange exchange = futures.get(i).join();
            assertThat(exchange.first().request().uri().getPath(), equalTo("/n/" + i));
            assertThat(exchange.first().values("Access-Control-Allow-Origin"), contains("*"));
        }
        assertThat(server.requests(), hasSize(200));
    }

    @Test
    void connectionWaitIsNotTimeout() throws Exception {
        // Each response takes about 400 ms, and 8 callers share 2 connections, so the last ones wait about 1.2 s
        // for a connection, longer than the 1 s a hop may take.
        server.otherwise(request -> ScriptedResponse.status(200).slowly(Duration.ofMillis(10)));
        ExecutorService callers = Executors.newFixedThreadPool(8);
        try (Probe narrow = Probe.builder()
                .maxConcurrentRequests(2)
                .connectTimeout(Duration.ofMillis(300))
                .responseTimeout(Duration.ofMillis(700))
                .build()) {
            List<Future<Exchange>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                BrowserRequest request = BrowserRequest.of("GET", server.uri("/wait/" + i), PAGE);
                results.add(callers.submit(() -> narrow.fetch(request)));
            }

            for (Future<Exchange> result : results) {
                assertThat(result.get(30, TimeUnit.SECONDS).first().status(), equalTo(200));
            }
        } finally {
            callers.shutdownNow();
        }
    }

    @Test
    void defaultsAreBounded() {
        try (Probe defaults = Probe.withDefaults()) {
            assertThat(defaults.connectTimeout(), equalTo(Duration.ofSeconds(5)));
            assertThat(defaults.responseTimeout(), equalTo(Duration.ofSeconds(10)));
            assertThat(defaults.maxRedirects(), equalTo(20));
            assertThat(defaults.maxConcurrentRequests(), equalTo(16));
        }
    }

    @Test
    void builderRejectsInvalidSettings() {
        IllegalArgumentException zeroTimeout = assertThrows(
                IllegalArgumentException.class, () -> Probe.builder().responseTimeout(Duration.ZERO));
        IllegalArgumentException noThreads = assertThrows(
                IllegalArgumentException.class, () -> Probe.builder().maxConcurrentRequests(0));

        assertThat(zeroTimeout.getMessage(), equalTo("responseTimeout must be positive, got PT0S"));
        assertThat(noThreads.getMessage(), equalTo("maxConcurrentRequests must be 1 or more, got 0"));
    }

    @Test
    void sentRequestRecordsWireHeaders() {
        server.on("GET", "/x", ScriptedResponse.status(200));

        Hop hop = probe.send(new SentRequest("GET", server.uri("/x"), List.of(new HeaderLine("X-Test", "1"))));

        assertThat(hop.request().header("X-Test"), equalTo("1"));
        assertThat(hop.request().header("User-Agent"), equalTo(Probe.USER_AGENT));
        assertThat(hop.request().header("Cookie"), is(nullValue()));
        assertThat(hop.reasonPhrase(), not(equalTo(null)));
    }
}
