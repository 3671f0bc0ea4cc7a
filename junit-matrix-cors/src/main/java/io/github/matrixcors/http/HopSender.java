package io.github.matrixcors.http;

import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ConnectTimeoutException;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.ManagedHttpClientConnectionFactory;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.protocol.HttpClientContext;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpEntity;
import org.apache.hc.core5.http.MessageConstraintException;
import org.apache.hc.core5.http.NoHttpResponseException;
import org.apache.hc.core5.http.ProtocolException;
import org.apache.hc.core5.http.config.Http1Config;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends one request with a pooled HttpClient 5 client configured to behave like a browser's network stack as far as
 * CORS is concerned, and turns the response, or the failure, into a {@link Hop} or a {@link ProbeException}.
 */
final class HopSender implements AutoCloseable {

    /** The response body bytes read (and discarded) per hop; a longer body closes the connection instead. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(Probe.class);
    private static final String SENT_HEADERS = HopSender.class.getName() + ".sentHeaders";

    private final Duration connectTimeout;
    private final Duration responseTimeout;
    private final PoolingHttpClientConnectionManager connections;
    private final CloseableHttpClient client;
    private final ScheduledExecutorService deadlines;
    // One permit per pooled connection, taken before the deadline starts, so that waiting for a free connection
    // never counts against a hop's timeouts.
    private final Semaphore permits;

    HopSender(
            Duration connectTimeout,
            Duration responseTimeout,
            int maxConcurrentRequests,
            ScheduledExecutorService deadlines) {
        this.connectTimeout = connectTimeout;
        this.permits = new Semaphore(maxConcurrentRequests, true);
        this.responseTimeout = responseTimeout;
        this.deadlines = deadlines;

        Http1Config http1 = Http1Config.custom()
                .setMaxLineLength(Probe.MAX_HEADER_LINE_LENGTH)
                .setMaxHeaderCount(Probe.MAX_HEADER_COUNT)
                .build();
        this.connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setConnectionFactory(ManagedHttpClientConnectionFactory.builder()
                        .http1Config(http1)
                        .build())
                .setMaxConnTotal(maxConcurrentRequests)
                .setMaxConnPerRoute(maxConcurrentRequests)
                .setDefaultConnectionConfig(ConnectionConfig.custom()
                        .setConnectTimeout(Timeout.of(connectTimeout))
                        .setSocketTimeout(Timeout.of(responseTimeout))
                        .build())
                .build();
        RequestConfig requestConfig = RequestConfig.custom()
                .setRedirectsEnabled(false)
                .setAuthenticationEnabled(false)
                .setContentCompressionEnabled(false)
                .setExpectContinueEnabled(false)
                .setProtocolUpgradeEnabled(false)
                .setResponseTimeout(Timeout.of(responseTimeout))
                .setConnectionRequestTimeout(Timeout.of(connectTimeout.plus(responseTimeout)))
                .build();
        this.client = HttpClients.custom()
                .setConnectionManager(connections)
                .setDefaultRequestConfig(requestConfig)
                .disableRedirectHandling()
                .disableAutomaticRetries()
                .disableContentCompression()
                .disableCookieManagement()
                .disableAuthCaching()
                .setUserAgent(Probe.USER_AGENT)
                .addRequestInterceptorLast(
                        (request, entity, context) -> context.setAttribute(SENT_HEADERS, request.getHeaders()))
                .build();
    }

    @Override
    public void close() {
        client.close(CloseMode.IMMEDIATE);
        connections.close(CloseMode.IMMEDIATE);
    }

    /** Sends {@code sent} with {@code body} (possibly {@code null}) and records the response. */
    Hop send(SentRequest sent, byte[] body) {
        URI uri = checkUrl(sent.uri(), sent.uri().toString());
        HttpUriRequestBase request = new HttpUriRequestBase(sent.method(), uri);
        for (HeaderLine line : sent.headers()) {
            request.addHeader(line.name(), line.value());
        }
        if (body != null) {
            request.setEntity(new ByteArrayEntity(body, null));
        }
        HttpClientContext context = HttpClientContext.create();

        try {
            permits.acquire();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new ProbeException(
                    ProbeException.Kind.IO,
                    uri,
                    sent.method() + " " + uri + " was interrupted while waiting for a free connection.",
                    interrupted);
        }
        try {
            return sendWithDeadline(sent, uri, request, context);
        } finally {
            permits.release();
        }
    }

    private Hop sendWithDeadline(SentRequest sent, URI uri, HttpUriRequestBase request, HttpClientContext context) {
        // The socket timeout bounds each read only; this deadline bounds the whole hop.
        Duration limit = connectTimeout.plus(responseTimeout);
        AtomicBoolean expired = new AtomicBoolean();
        ScheduledFuture<?> deadline = deadlines.schedule(
                () -> {
                    expired.set(true);
                    request.cancel();
                },
                limit.toMillis(),
                TimeUnit.MILLISECONDS);

        try (CloseableHttpResponse response = client.execute(request, context)) {
            List<HeaderLine> lines = new ArrayList<>();
            for (Header header : response.getHeaders()) {
                lines.add(new HeaderLine(header.getName(), header.getValue()));
            }
            drain(response.getEntity());
            Hop hop = new Hop(wireRequest(sent, uri, context), response.getCode(), response.getReasonPhrase(), lines);
            LOG.debug("{} {} -> {}", sent.method(), uri, hop.status());
            return hop;
        } catch (IOException | RuntimeException failure) {
            if (expired.get()) {
                throw ProbeException.responseTimeout(uri, sent.method(), limit, failure);
            }
            if (failure instanceof IOException ioFailure) {
                throw translate(ioFailure, uri, sent.method());
            }
            if (failure instanceof IllegalArgumentException invalid) {
                // HttpClient rejects URL parts that java.net.URI accepts, such as a port number above 65535.
                throw ProbeException.invalidUrl(uri.toString(), invalid.getMessage());
            }
            throw (RuntimeException) failure;
        } finally {
            deadline.cancel(false);
        }
    }

    private SentRequest wireRequest(SentRequest sent, URI uri, HttpClientContext context) {
        Object onWire = context.getAttribute(SENT_HEADERS);
        if (!(onWire instanceof Header[] headers)) {
            return new SentRequest(sent.method(), uri, sent.headers());
        }
        List<HeaderLine> lines = new ArrayList<>();
        for (Header header : headers) {
            lines.add(new HeaderLine(header.getName(), header.getValue()));
        }
        return new SentRequest(sent.method(), uri, lines);
    }

    // Reads up to MAX_BODY_BYTES so the connection can be reused. A longer body is left unread, and closing the
    // response then discards the connection.
    private static void drain(HttpEntity entity) throws IOException {
        if (entity == null) {
            return;
        }
        try (InputStream in = entity.getContent()) {
            byte[] buffer = new byte[8192];
            long total = 0;
            int read;
            while (total < MAX_BODY_BYTES && (read = in.read(buffer)) != -1) {
                total += read;
            }
        }
    }

    private ProbeException translate(IOException failure, URI uri, String method) {
        if (failure instanceof ConnectTimeoutException) {
            return ProbeException.connectTimeout(uri, connectTimeout, failure);
        }
        if (failure instanceof SocketTimeoutException) {
            // The socket timeout is the response timeout alone: it bounds each read once the connection exists.
            return ProbeException.responseTimeout(uri, method, responseTimeout, failure);
        }
        if (failure instanceof ConnectException) {
            return ProbeException.connectionRefused(uri, failure);
        }
        if (failure instanceof UnknownHostException) {
            return ProbeException.unknownHost(uri, failure);
        }
        if (failure instanceof NoHttpResponseException) {
            return ProbeException.notHttp(uri, "the connection closed before a status line arrived", failure);
        }
        if (failure instanceof MessageConstraintException) {
            return ProbeException.responseTooLarge(
                    uri,
                    failure.getMessage() + "; the probe accepts " + Probe.MAX_HEADER_COUNT + " header lines of at most "
                            + Probe.MAX_HEADER_LINE_LENGTH + " bytes",
                    failure);
        }
        if (failure instanceof SSLException) {
            return ProbeException.tls(uri, failure);
        }
        if (failure.getCause() instanceof ProtocolException protocol) {
            return ProbeException.notHttp(uri, protocol.getMessage(), failure);
        }
        return ProbeException.io(uri, method, failure);
    }

    private static final int MAX_PORT = 65535;

    /**
     * Returns {@code uri} when it is an absolute http or https URL with a host, no user info and a port from 1 to
     * 65535 (or none).
     */
    static URI checkUrl(URI uri, String original) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))) {
            throw ProbeException.invalidUrl(original, "the scheme must be http or https");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw ProbeException.invalidUrl(original, "the URL has no host");
        }
        if (uri.getRawUserInfo() != null) {
            throw ProbeException.invalidUrl(original, "browsers reject URLs with a user name or password");
        }
        int port = uri.getPort();
        if (port == 0 || port > MAX_PORT) {
            throw ProbeException.invalidUrl(original, "the port " + port + " is out of range 1 to " + MAX_PORT);
        }
        return uri;
    }
}
