package io.github.matrixcors.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/** Origin arithmetic on URLs: the tuple (scheme, host, port) of the URL Standard, for http and https only. */
public final class Origins {

    private Origins() {}

    /** Returns whether two URLs have the same origin; default ports count as given. */
    public static boolean sameOrigin(URI first, URI second) {
        if (first.getScheme() == null || second.getScheme() == null || first.getHost() == null) {
            return false;
        }
        return first.getScheme().equalsIgnoreCase(second.getScheme())
                && first.getHost().equalsIgnoreCase(second.getHost())
                && effectivePort(first) == effectivePort(second);
    }

    /** Returns whether the serialized origin {@code origin} (for example {@code https://app.element.io}) is that of {@code url}. */
    public static boolean sameOrigin(String origin, URI url) {
        if (origin == null || origin.equals("null")) {
            return false;
        }
        try {
            return sameOrigin(new URI(origin), url);
        } catch (URISyntaxException invalid) {
            return false;
        }
    }

    /** Returns the serialized origin of {@code url}, for example {@code http://127.0.0.1:8008}, omitting a default port. */
    public static String serialize(URI url) {
        String scheme = url.getScheme().toLowerCase(Locale.ROOT);
        String host = url.getHost().toLowerCase(Locale.ROOT);
        int port = url.getPort();
        boolean defaultPort = port < 0 || port == defaultPort(scheme);
        return scheme + "://" + host + (defaultPort ? "" : ":" + port);
    }

    private static int effectivePort(URI uri) {
        return uri.getPort() >= 0 ? uri.getPort() : defaultPort(uri.getScheme().toLowerCase(Locale.ROOT));
    }

    private static int defaultPort(String scheme) {
        return switch (scheme) {
            case "http" -> 80;
            case "https" -> 443;
            default -> -1;
        };
    }
}
