package io.github.matrixcors.http;

import io.github.matrixcors.cors.BrowserRequest;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * Sends browser-shaped CORS requests with Apache HttpClient 5 and records every hop exactly as received.
 *
 * <p>What the probe guarantees:
 *
 * <ul>
 *   <li>Every response header line is kept as its own {@link HeaderLine}, in the order received: two
 *       {@code Access-Control-Allow-Origin} lines stay two lines. Values are trimmed of surrounding whitespace, as the
 *       Fetch Standard normalizes them; bytes are read as ISO-8859-1, so invalid bytes survive as {@code \u0000} to
 *       {@code \u00ff} characters.
 *   <li>HttpClient never follows redirects, retries, decompresses, stores cookies, authenticates or requests a
 *       protocol upgrade by itself. {@link #fetch(BrowserRequest)} follows redirects hop by hop as the Fetch
 *       Standard's "HTTP-redirect fetch" does, and {@link #preflight(BrowserRequest)} never follows them.
 *   <li>Each hop finishes, or fails with a {@link ProbeException}, within {@code connectTimeout + responseTimeout}
 *       from the moment a pooled connection is free for it. A server that trickles bytes cannot stretch that, because
 *       an overall deadline aborts the hop.
 *   <li>Connections are pooled. At most {@code maxConcurrentRequests} hops run at once, whether they come from the
 *       {@code ...Async} methods or from callers' own threads.
 * </ul>
 *
 * <p>The probe sends traffic only to the URLs it is given and to the {@code Location} of redirects it follows.
 */
public final class Probe implements AutoCloseable {

    /** The {@code User-Agent} of every request, unless the request sets its own. */
    public static final String USER_AGENT = "matrix-cors CORS probe (Apache-HttpClient/5)";

    /** The maximum length of one response header line, in bytes; a longer line fails the hop. */
    public static final int MAX_HEADER_LINE_LENGTH = 64 * 1024;

    /** The maximum number of response header lines; more fail the hop. */
    public static final int MAX_HEADER_COUNT = 256;

    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final int maxRedirects;
    private final int maxConcurrentRequests;
    private final ExecutorService workers;
    private final ScheduledExecutorService deadlines;
    private final HopSender sender;
    private final AtomicBoolean closed = new AtomicBoolean();

    private Probe(Builder builder) {
        this.connectTimeout = builder.connectTimeout;
        this.responseTimeout = builder.responseTimeout;
        this.maxRedirects = builder.maxRedirects;
        this.maxConcurrentRequests = builder.maxConcurrentRequests;

        this.deadlines = Executors.newSingleThreadScheduledExecutor(daemonThreads("matrix-cors-probe-deadline"));
        this.sender = new HopSender(connectTimeout, responseTimeout, maxConcurrentRequests, deadlines);
        this.workers = Executors.newFixedThreadPool(builder.maxConcurrentRequests, daemonThreads("matrix-cors-probe"));
    }

    /** Returns a builder with the defaults of {@link #withDefaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Returns a probe with a 5 s connect timeout, a 10 s response timeout, at most 20 redirects (the Fetch Standard's
     * limit) and 16 concurrent requests.
     */
    public static Probe withDefaults() {
        return builder().build();
    }

    /**
     * Parses a base URL given as text, such as a homeserver URL from configuration.
     *
     * @throws ProbeException of kind {@link ProbeException.Kind#INVALID_URL} naming the value, when it is not an
     *     absolute {@code http} or {@code https} URL with a host
     */
    public static URI parseUrl(String text) {
        if (text == null || text.isBlank()) {
            throw ProbeException.invalidUrl(String.valueOf(text), "the URL is empty");
        }
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException invalid) {
            throw ProbeException.invalidUrl(text, invalid.getReason() + " at index " + invalid.getIndex());
        }
        return HopSender.checkUrl(uri, text);
    }

    /**
     * Sends the CORS preflight a browser sends before {@code request}: {@code OPTIONS} with {@code Origin},
     * {@code Accept: *}{@code /*}, {@code Access-Control-Request-Method} and {@code Access-Control-Request-Headers}
     * (the CORS-unsafe header names, lowercase, sorted and joined by ","). This is the request of the Fetch Standard's
     * "CORS-preflight fetch". A redirect is recorded, never followed.
     *
     * @return an exchange of exactly one hop
     * @throws ProbeException when no HTTP response arrives
     */
    public Exchange preflight(BrowserRequest request) {
        return new Exchange(List.of(send(RequestShapes.preflight(request), null)));
    }

    /**
     * Sends the actual request with {@code Origin} and the script's headers, and a {@code {}} body for a JSON POST or
     * PUT. Redirects are followed hop by hop as the Fetch Standard's "HTTP-redirect fetch" does: the method may turn
     * into GET, a cross-origin hop drops {@code Authorization}, and after a redirect away from a foreign origin the
     * request's {@code Origin} becomes {@code null}. A redirect to a URL with credentials or a non-HTTP scheme ends
     * the exchange at that hop, because a browser fails the request there.
     *
     * @throws ProbeException when a hop gets no HTTP response, or after more than {@code maxRedirects} redirects; the
     *     exception's {@link ProbeException#partialExchange()} then has every hop that got a response, if any
     */
    public Exchange fetch(BrowserRequest request) {
        String pageOrigin = request.origin();
        SentRequest current = RequestShapes.actual(request);
        byte[] body = RequestShapes.body(request);
        boolean tainted = false;
        List<Hop> hops = new ArrayList<>();

        while (true) {
            Hop hop;
            try {
                hop = send(current, body);
            } catch (ProbeException failure) {
                if (hops.isEmpty()) {
                    throw failure;
                }
                // Keep the redirects that did get a response, so that callers can still judge them.
                throw new ProbeException(
                        failure.kind(), failure.uri(), failure.getMessage(), failure.getCause(), new Exchange(hops));
            }
            hops.add(hop);

            Optional<URI> location = hop.location();
            if (location.isEmpty() || !isFollowable(location.get())) {
                return new Exchange(hops);
            }
            if (hops.size() > maxRedirects) {
                throw ProbeException.tooManyRedirects(hops, maxRedirects);
            }

            RequestShapes.Followed next = RequestShapes.follow(current, body, hop, location.get(), pageOrigin, tainted);
            current = next.request();
            body = next.body();
            tainted = next.originTainted();
        }
    }

    /**
     * Sends one request exactly as given (HttpClient adds {@code Host}, {@code User-Agent} when absent, and the
     * framing headers) and records the response. Redirects are not followed.
     *
     * @throws ProbeException when no HTTP response arrives
     */
    public Hop send(SentRequest request) {
        return send(request, null);
    }

    /** Runs {@link #preflight(BrowserRequest)} on the probe's worker threads. */
    public CompletableFuture<Exchange> preflightAsync(BrowserRequest request) {
        return async(() -> preflight(request));
    }

    /** Runs {@link #fetch(BrowserRequest)} on the probe's worker threads. */
    public CompletableFuture<Exchange> fetchAsync(BrowserRequest request) {
        return async(() -> fetch(request));
    }

    /** Runs {@link #send(SentRequest)} on the probe's worker threads. */
    public CompletableFuture<Hop> sendAsync(SentRequest request) {
        return async(() -> send(request));
    }

    /** Returns the connect timeout. */
    public Duration connectTimeout() {
        return connectTimeout;
    }

    /**
     * Returns the response timeout, which bounds each read of a response; the whole hop is bounded by the connect
     * timeout plus this timeout.
     */
    public Duration responseTimeout() {
        return responseTimeout;
    }

    /** Returns the most redirects {@link #fetch(BrowserRequest)} follows. */
    public int maxRedirects() {
        return maxRedirects;
    }

    /** Returns how many requests run at once, which is also the connection pool size. */
    public int maxConcurrentRequests() {
        return maxConcurrentRequests;
    }

    /** Stops the worker threads and closes every pooled connection at once. */
    @Override
    public void close() {
        closed.set(true);
        workers.shutdownNow();
        deadlines.shutdownNow();
        sender.close();
    }

    private <T> CompletableFuture<T> async(Supplier<T> work) {
        checkOpen();
        return CompletableFuture.supplyAsync(work, workers);
    }

    private void checkOpen() {
        if (closed.get()) {
            throw new IllegalStateException("The probe is closed. Build a new one with Probe.builder().build().");
        }
    }

    private Hop send(SentRequest sent, byte[] body) {
        checkOpen();
        return sender.send(sent, body);
    }

    private static boolean isFollowable(URI location) {
        String scheme = location.getScheme() == null ? "" : location.getScheme().toLowerCase(Locale.ROOT);
        return (scheme.equals("http") || scheme.equals("https"))
                && location.getHost() != null
                && location.getRawUserInfo() == null;
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + "-" + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Settings of a {@link Probe}. */
    public static final class Builder {

        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration responseTimeout = Duration.ofSeconds(10);
        private int maxRedirects = 20;
        private int maxConcurrentRequests = 16;

        private Builder() {}

        /** Sets how long to wait for a TCP (and TLS) connection; default 5 s. */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * Sets how long each read of a response may wait once connected; default 10 s. A whole hop also ends after the
         * connect timeout plus this timeout, which bounds a server that sends its response slowly.
         */
        public Builder responseTimeout(Duration timeout) {
            this.responseTimeout = positive(timeout, "responseTimeout");
            return this;
        }

        /** Sets how many redirects {@link Probe#fetch(BrowserRequest)} follows; default 20, as in browsers. */
        public Builder maxRedirects(int redirects) {
            if (redirects < 0) {
                throw new IllegalArgumentException("maxRedirects must be 0 or more, got " + redirects);
            }
            this.maxRedirects = redirects;
            return this;
        }

        /** Sets how many requests run at once, which is also the connection pool size; default 16. */
        public Builder maxConcurrentRequests(int requests) {
            if (requests < 1) {
                throw new IllegalArgumentException("maxConcurrentRequests must be 1 or more, got " + requests);
            }
            this.maxConcurrentRequests = requests;
            return this;
        }

        public Probe build() {
            return new Probe(this);
        }

        private static Duration positive(Duration timeout, String name) {
            Objects.requireNonNull(timeout, name);
            if (timeout.isZero() || timeout.isNegative()) {
                throw new IllegalArgumentException(name + " must be positive, got " + timeout);
            }
            return timeout;
        }
    }
}
