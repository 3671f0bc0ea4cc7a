package io.github.matrixcors;

import io.github.matrixcors.cors.ProxyKind;
import java.net.URI;
import java.util.Optional;

/**
 * A Matrix homeserver that the checks can reach, as a browser-based client would see it.
 *
 * <p>Containers of the Testcontainers module implement this interface, and so can a user's own fixture. The lifecycle
 * methods have the same signatures as Testcontainers' {@code Startable}, so a container implements them without extra
 * code; a server that is already running keeps the defaults.
 */
public interface MatrixHomeserver {

    /**
     * Returns the base URL a web client is configured with, for example {@code https://matrix.example.org} or
     * {@code http://localhost:32768}. The checks append {@code /_matrix/...} and {@code /.well-known/...} paths to it.
     */
    URI baseUri();

    /** Returns whether {@link #registerUser(String)} can create accounts on this server. */
    default boolean supportsRegistration() {
        return false;
    }

    /**
     * Registers a new account so that authenticated endpoints can be probed with a real access token.
     *
     * @throws UnsupportedOperationException if this server offers no registration to the library
     */
    default MatrixAccount registerUser(String localpart) {
        throw new UnsupportedOperationException(getClass().getName() + " does not support registering users; "
                + "pass an access token of an existing account instead");
    }

    /** Starts the server if it is managed by the test; a server that is already running does nothing. */
    default void start() {}

    /** Stops the server if it is managed by the test. */
    default void stop() {}

    /** Returns whether the server is running and {@link #baseUri()} can be called. */
    default boolean isRunning() {
        return true;
    }

    /**
     * Returns the reverse proxy in front of the homeserver when it is known, so that failure messages show only that
     * proxy's fix hints. The default is empty: the messages then show the hints for every proxy.
     */
    default Optional<ProxyKind> proxyKind() {
        return Optional.empty();
    }
}
