package io.github.matrixcors.testcontainers;

import io.github.matrixcors.cors.ProxyKind;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Ready-made proxy configurations in front of Synapse: one correct, one as the public CORS guides write it, and one per
 * common fault. Each is a resource file with a header comment that says what it shows; {@link #resource(ProxyKind)}
 * names it, so a user can copy one as the start of their own configuration.
 *
 * <p>Not every fault exists for every proxy: nginx's {@code add_header} inheritance has no equivalent in Caddy or
 * Apache httpd. {@link #supports(ProxyKind)} tells which presets a proxy has.
 */
public enum ProxyPreset {
    /** Passes every check: OPTIONS reaches Synapse, and CORS headers are added only where Synapse sent none. */
    CORRECT,

    /** The configuration a widely copied public CORS guide recommends for this proxy, unchanged apart from the upstream. */
    GUIDE,

    /** Preflights are rejected by the proxy before they reach Synapse. */
    BROKEN_OPTIONS_NOT_HANDLED,

    /** The proxy replaces Synapse's CORS headers with its own, but its own are missing on error responses. */
    BROKEN_NO_CORS_ON_ERRORS,

    /** The proxy adds {@code Access-Control-Allow-Origin} on top of the one Synapse sends. */
    BROKEN_DUPLICATE_ALLOW_ORIGIN,

    /** An nginx {@code add_header} in a nested location drops the CORS headers set at server level. */
    BROKEN_LOST_INHERITANCE,

    /** The proxy answers preflights with a redirect, which browsers treat as a failed preflight. */
    BROKEN_REDIRECTED_PREFLIGHT,

    /** The proxy answers preflights itself without {@code Authorization} in {@code Access-Control-Allow-Headers}. */
    BROKEN_NO_AUTHORIZATION_HEADER;

    /** Returns the classpath resource that contains this preset for the proxy, whether or not it exists. */
    public String resource(ProxyKind proxy) {
        String name = name().toLowerCase(Locale.ROOT).replace('_', '-');
        return "io/github/matrixcors/testcontainers/" + directory(proxy) + "/" + name + extension(proxy);
    }

    /** Returns whether this preset exists for the proxy. */
    public boolean supports(ProxyKind proxy) {
        return ProxyPreset.class.getClassLoader().getResource(resource(proxy)) != null;
    }

    /** Returns the presets that exist for the proxy, in declaration order. */
    public static List<ProxyPreset> supportedBy(ProxyKind proxy) {
        return Arrays.stream(values()).filter(preset -> preset.supports(proxy)).toList();
    }

    private static String directory(ProxyKind proxy) {
        return switch (proxy) {
            case NGINX -> "nginx";
            case CADDY -> "caddy";
            case APACHE -> "apache";
        };
    }

    private static String extension(ProxyKind proxy) {
        return proxy == ProxyKind.CADDY ? ".Caddyfile" : ".conf";
    }
}
