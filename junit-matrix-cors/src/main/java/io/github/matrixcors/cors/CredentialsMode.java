package io.github.matrixcors.cors;

/**
 * The credentials mode of a {@code fetch()} call. Matrix clients send the access token in an {@code Authorization}
 * header, which is not a credential in the Fetch Standard's sense, so their requests use {@link #SAME_ORIGIN}, the
 * default of {@code fetch()}, and {@code Access-Control-Allow-Origin: *} is valid for them.
 */
public enum CredentialsMode {
    OMIT,
    SAME_ORIGIN,
    /** Cookies or TLS client certificates go along: the wildcard forms of the CORS headers no longer apply. */
    INCLUDE
}
