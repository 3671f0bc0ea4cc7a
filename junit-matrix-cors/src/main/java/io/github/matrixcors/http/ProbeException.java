package io.github.matrixcors.http;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A request the {@link Probe} could not complete: the URL is malformed, the server cannot be reached, does not respond
 * in time, does not speak HTTP, sends a response the probe cannot parse, or redirects too often.
 *
 * <p>The message names the URL (or the value at fault) and says what to do about it. When some hops completed before
 * the failure, for example in a redirect loop, {@link #partialExchange()} returns them as evidence.
 */
public class ProbeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The cause of the failure, so that callers can tell a server fault from a misconfigured test. */
    public enum Kind {
        /** The URL is not an absolute {@code http} or {@code https} URL. */
        INVALID_URL,
        /** The host name does not resolve. */
        UNKNOWN_HOST,
        /** Nothing listens on the port. */
        CONNECTION_REFUSED,
        /** The connection could not be made within the connect timeout. */
        CONNECT_TIMEOUT,
        /** No complete response arrived within the response timeout. */
        RESPONSE_TIMEOUT,
        /** The peer closed the connection, or replied with something that is not HTTP/1.x. */
        NOT_HTTP,
        /** The response head exceeded the probe's limits on line length or header count. */
        RESPONSE_TOO_LARGE,
        /** The TLS handshake failed. */
        TLS,
        /** Redirects went on beyond the configured limit. */
        TOO_MANY_REDIRECTS,
        /** Any other I/O failure. */
        IO
    }

    private final Kind kind;
    private final URI uri;
    private final transient Exchange partialExchange;

    public ProbeException(Kind kind, URI uri, String message, Throwable cause) {
        this(kind, uri, message, cause, null);
    }

    public ProbeException(Kind kind, URI uri, String message, Throwable cause, Exchange partialExchange) {
        super(message, cause);
        this.kind = kind;
        this.uri = uri;
        this.partialExchange = partialExchange;
    }

    /** Returns what went wrong. */
    public Kind kind() {
        return kind;
    }

    /** Returns the URL of the request that failed, or {@code null} when the URL itself could not be parsed. */
    public URI uri() {
        return uri;
    }

    /** Returns the hops that completed before the failure, for example the redirects of a redirect loop. */
    public Optional<Exchange> partialExchange() {
        return Optional.ofNullable(partialExchange);
    }

    static ProbeException invalidUrl(String value, String problem) {
        return new ProbeException(
                Kind.INVALID_URL,
                null,
                "Invalid URL \"" + value + "\": " + problem
                        + ". Use an absolute http or https URL such as https://matrix.example.org.",
                null);
    }

    static ProbeException connectionRefused(URI uri, Throwable cause) {
        return new ProbeException(
                Kind.CONNECTION_REFUSED,
                uri,
                "Connection refused for " + uri + ": check that the server is running and listens on "
                        + hostAndPort(uri) + ".",
                cause);
    }

    static ProbeException unknownHost(URI uri, Throwable cause) {
        return new ProbeException(
                Kind.UNKNOWN_HOST,
                uri,
                "Unknown host \"" + uri.getHost() + "\" in " + uri + ": check the host name in the base URL.",
                cause);
    }

    static ProbeException connectTimeout(URI uri, Duration timeout, Throwable cause) {
        return new ProbeException(
                Kind.CONNECT_TIMEOUT,
                uri,
                "Connecting to " + hostAndPort(uri) + " for " + uri + " timed out after " + seconds(timeout)
                        + ": check the host, the port and any firewall, or raise the connect timeout with"
                        + " Probe.builder().connectTimeout(...), or under @MatrixCorsCompliant with the system"
                        + " property matrixcors.connectTimeout.",
                cause);
    }

    static ProbeException responseTimeout(URI uri, String method, Duration timeout, Throwable cause) {
        return new ProbeException(
                Kind.RESPONSE_TIMEOUT,
                uri,
                "No complete response to " + method + " " + uri + " within " + seconds(timeout)
                        + ": check that the server (and the proxy's upstream) responds, or raise the response timeout"
                        + " with Probe.builder().responseTimeout(...), or under @MatrixCorsCompliant with the system"
                        + " property matrixcors.responseTimeout.",
                cause);
    }

    static ProbeException notHttp(URI uri, String detail, Throwable cause) {
        return new ProbeException(
                Kind.NOT_HTTP,
                uri,
                "The server at " + hostAndPort(uri) + " did not send a valid HTTP/1.x response to " + uri + " ("
                        + detail + "): check that the URL's scheme and port point at an HTTP server.",
                cause);
    }

    static ProbeException responseTooLarge(URI uri, String detail, Throwable cause) {
        return new ProbeException(
                Kind.RESPONSE_TOO_LARGE,
                uri,
                "The response head from " + uri + " is too large (" + detail
                        + "): browsers reject such responses too, so shorten the headers the server sends.",
                cause);
    }

    static ProbeException tls(URI uri, Throwable cause) {
        return new ProbeException(
                Kind.TLS,
                uri,
                "TLS handshake for " + uri + " failed (" + cause.getMessage()
                        + "): check the scheme (http or https), the port and the server certificate.",
                cause);
    }

    static ProbeException tooManyRedirects(List<Hop> hops, int maxRedirects) {
        List<String> urls =
                hops.stream().map(hop -> hop.request().uri().toString()).toList();
        URI first = hops.get(0).request().uri();
        String chain = urls.stream().collect(Collectors.joining(" -> "));
        String last = hops.get(hops.size() - 1).location().map(URI::toString).orElse("?");
        return new ProbeException(
                Kind.TOO_MANY_REDIRECTS,
                first,
                "More than " + maxRedirects + " redirects starting at " + first + " (" + chain + " -> " + last
                        + "): fix the redirect loop in the server or proxy configuration.",
                null,
                new Exchange(hops));
    }

    static ProbeException io(URI uri, String method, Throwable cause) {
        return new ProbeException(
                Kind.IO,
                uri,
                method + " " + uri + " failed: " + cause.getClass().getSimpleName() + ": " + cause.getMessage()
                        + ". Check that the server at " + hostAndPort(uri) + " is reachable and speaks HTTP.",
                cause);
    }

    private static String hostAndPort(URI uri) {
        int port = uri.getPort();
        if (port < 0) {
            port = "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
        }
        return uri.getHost() + ":" + port;
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : millis + " ms";
    }
}
