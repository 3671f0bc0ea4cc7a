package io.github.matrixcors.junit;

import io.github.matrixcors.MatrixHomeserver;
import org.opentest4j.TestAbortedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A homeserver from a test class field, started by the extension when it was not running. Kept in the
 * {@code ExtensionContext.Store} of the scope that started it, which closes it, and so stops the server, when that
 * scope ends. A server that was already running is left running.
 */
final class ManagedHomeserver implements AutoCloseable {

    /** The message of the {@code IllegalStateException} that Testcontainers throws when it finds no Docker engine. */
    static final String NO_DOCKER_MESSAGE = "Could not find a valid Docker environment";

    private static final Logger LOG = LoggerFactory.getLogger(ManagedHomeserver.class);

    private final MatrixHomeserver homeserver;
    private final String description;
    private boolean startedHere;

    ManagedHomeserver(MatrixHomeserver homeserver, String description) {
        this.homeserver = homeserver;
        this.description = description;
    }

    /**
     * Starts the homeserver unless it is running already.
     *
     * @param disabledWithoutDocker whether a missing Docker environment aborts rather than fails
     * @throws TestAbortedException when Docker is missing and {@code disabledWithoutDocker} is true
     * @throws IllegalStateException when the homeserver fails to start for another reason, or Docker is missing and
     *     {@code disabledWithoutDocker} is false
     */
    synchronized void start(boolean disabledWithoutDocker) {
        if (homeserver.isRunning()) {
            return;
        }
        LOG.info("Starting the homeserver in {}", description);
        try {
            homeserver.start();
        } catch (RuntimeException failure) {
            if (isDockerMissing(failure)) {
                if (disabledWithoutDocker) {
                    throw new TestAbortedException("Skipped because no Docker environment is available to start the"
                            + " homeserver in " + description + " and disabledWithoutDocker is true");
                }
                throw new IllegalStateException(
                        "Could not start the homeserver in " + description + " because no Docker environment is"
                                + " available: start Docker, or set @MatrixCorsCompliant(disabledWithoutDocker = true)"
                                + " to skip these tests where Docker is missing.",
                        failure);
            }
            throw new IllegalStateException(
                    "Could not start the homeserver in " + description + ": " + failure.getMessage(), failure);
        }
        startedHere = true;
    }

    MatrixHomeserver homeserver() {
        return homeserver;
    }

    /** Stops the homeserver if {@link #start} started it. */
    @Override
    public synchronized void close() {
        if (!startedHere) {
            return;
        }
        startedHere = false;
        LOG.info("Stopping the homeserver in {}", description);
        homeserver.stop();
    }

    /**
     * Returns whether {@code failure} or one of its causes is Testcontainers' error for a missing Docker engine. The
     * check goes by message because this module does not depend on Testcontainers.
     */
    static boolean isDockerMissing(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof IllegalStateException
                    && cause.getMessage() != null
                    && cause.getMessage().contains(NO_DOCKER_MESSAGE)) {
                return true;
            }
            if (cause.getCause() == cause) {
                return false;
            }
        }
        return false;
    }
}
