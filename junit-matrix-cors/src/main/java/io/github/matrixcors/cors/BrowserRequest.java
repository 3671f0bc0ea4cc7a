package io.github.matrixcors.cors;

import io.github.matrixcors.http.HeaderLine;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A cross-origin request as a page's {@code fetch()} call makes it, before the browser adds CORS headers.
 *
 * @param method the request method, an HTTP token such as {@code PUT}
 * @param url the absolute URL requested
 * @param origin the serialized origin of the page, {@code scheme://host[:port]} such as
 *     {@code https://app.element.io}, or {@code null} for an opaque origin
 * @param headers the headers the script sets, such as {@code Authorization} and {@code Content-Type}
 * @param credentials the credentials mode; Matrix clients use {@link CredentialsMode#SAME_ORIGIN}
 */
public record BrowserRequest(
        String method, URI url, String origin, List<HeaderLine> headers, CredentialsMode credentials) {

    private static final Set<String> SAFELISTED_METHODS = Set.of("GET", "HEAD", "POST");
    private static final Set<String> NORMALIZED_METHODS = Set.of("DELETE", "GET", "HEAD", "OPTIONS", "POST", "PUT");
    private static final Set<String> SAFELISTED_CONTENT_TYPES =
            Set.of("application/x-www-form-urlencoded", "multipart/form-data", "text/plain");

    /** An HTTP method is a token (RFC 9110, section 5.6.2): visible ASCII without separators. */
    private static final Pattern METHOD_TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    /** A serialized tuple origin (URL Standard): scheme, "://", host and an optional port, nothing after them. */
    private static final Pattern SERIALIZED_ORIGIN =
            Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://(\\[[0-9A-Fa-f:.]+]|[^/?#\\s,:@\\[\\]]+)(:[0-9]{1,5})?");

    /**
     * Validates the request.
     *
     * @throws IllegalArgumentException when the method is not an HTTP token or the origin is not a serialized origin
     */
    public BrowserRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(origin, "origin");
        if (!METHOD_TOKEN.matcher(method).matches()) {
            throw new IllegalArgumentException("Invalid method '" + method
                    + "': expected an HTTP token such as GET or PUT, without spaces or separators");
        }
        if (!origin.equals("null") && !SERIALIZED_ORIGIN.matcher(origin).matches()) {
            throw new IllegalArgumentException("Invalid origin '" + origin + "': expected a serialized origin,"
                    + " scheme://host[:port] without a path or trailing slash such as https://app.element.io,"
                    + " or null");
        }
        headers = List.copyOf(headers);
        Objects.requireNonNull(credentials, "credentials");
    }

    /** Returns a request with no script-set headers and the default credentials mode of {@code fetch()}. */
    public static BrowserRequest of(String method, URI url, String origin) {
        return new BrowserRequest(method, url, origin, List.of(), CredentialsMode.SAME_ORIGIN);
    }

    /** Returns a copy with one more script-set header. */
    public BrowserRequest withHeader(String name, String value) {
        List<HeaderLine> more = new java.util.ArrayList<>(headers);
        more.add(new HeaderLine(name, value));
        return new BrowserRequest(method, url, origin, more, credentials);
    }

    /** Returns a copy with another credentials mode. */
    public BrowserRequest withCredentials(CredentialsMode mode) {
        return new BrowserRequest(method, url, origin, headers, mode);
    }

    /**
     * Returns the names of the headers that are not CORS-safelisted, lowercased and sorted, as a preflight's
     * {@code Access-Control-Request-Headers} lists them.
     */
    public List<String> unsafeHeaderNames() {
        Set<String> names = new TreeSet<>();
        for (HeaderLine line : headers) {
            if (!isSafelisted(line)) {
                names.add(line.name().toLowerCase(Locale.ROOT));
            }
        }
        return List.copyOf(names);
    }

    /**
     * Returns the method as {@code fetch()} sends it: the Fetch Standard uppercases {@code delete}, {@code get},
     * {@code head}, {@code options}, {@code post} and {@code put}, and leaves every other method, such as
     * {@code patch}, as written.
     */
    public String normalizedMethod() {
        String upper = method.toUpperCase(Locale.ROOT);
        return NORMALIZED_METHODS.contains(upper) ? upper : method;
    }

    /** Returns whether a browser sends a preflight before this request (ignoring its preflight cache). */
    public boolean needsPreflight() {
        return !SAFELISTED_METHODS.contains(normalizedMethod())
                || !unsafeHeaderNames().isEmpty();
    }

    /** Returns whether the request carries a header named {@code name}, ignoring case. */
    public boolean hasHeader(String name) {
        return headers.stream().anyMatch(line -> line.hasName(name));
    }

    // The CORS-safelisted request-header check of the Fetch Standard, without its 1024-byte total limit.
    private static boolean isSafelisted(HeaderLine line) {
        String name = line.name().toLowerCase(Locale.ROOT);
        String value = line.value();
        if (value.length() > 128) {
            return false;
        }
        return switch (name) {
            case "accept", "accept-language", "content-language" -> true;
            case "content-type" -> SAFELISTED_CONTENT_TYPES.contains(essence(value));
            default -> false;
        };
    }

    private static String essence(String contentType) {
        int semicolon = contentType.indexOf(';');
        String essence = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return essence.trim().toLowerCase(Locale.ROOT);
    }
}
