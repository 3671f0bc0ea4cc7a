package io.github.matrixcors.testcontainers;

import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/** Builds the exception thrown when one of the module's containers fails to start. */
final class StartupFailure {

    /** Number of log lines of the failed container that the message includes. */
    static final int LOG_TAIL_LINES = 40;

    /** Maximum length of a reason taken from an exception, because Testcontainers' messages can contain a whole inspection. */
    private static final int MAX_REASON_LENGTH = 300;

    private StartupFailure() {}

    /**
     * Describes a failed start: which container, which image, the reason and the tail of the container's log. Also
     * removes the failed container if Testcontainers has not, so nothing is left when the caller never calls
     * {@code stop()}.
     *
     * @param role what the container is for, for example {@code "Synapse homeserver"}
     * @param image the image name the container was created with; the container's own getter would try to pull an
     *     image that is missing
     * @param reason the reason to show, or {@code null} to take it from the exception
     * @param hint a sentence that names what to check, or {@code null}
     */
    static ContainerLaunchException describe(
            GenericContainer<?> container,
            String role,
            DockerImageName image,
            String logTail,
            RuntimeException e,
            String reason,
            String hint) {
        boolean created = container.getContainerId() != null || !logTail.isBlank();
        try {
            container.stop();
        } catch (RuntimeException stopFailure) {
            e.addSuppressed(stopFailure);
        }

        StringBuilder message = new StringBuilder()
                .append(role)
                .append(" container (image ")
                .append(image.asCanonicalNameString())
                .append(") failed to start: ")
                .append(reason != null ? reason : rootReason(e));
        if (!created) {
            // Without a container (no Docker environment, an image that cannot be pulled) neither the configuration
            // nor a log can explain the failure.
            return new ContainerLaunchException(message.toString(), e);
        }
        if (hint != null) {
            message.append("\n").append(hint);
        }
        if (logTail.isBlank()) {
            message.append("\nThe container wrote no log output.");
        } else {
            message.append("\nLast lines of its log:\n").append(logTail);
        }
        return new ContainerLaunchException(message.toString(), e);
    }

    /** Returns the message of the innermost cause, which names the actual problem rather than the wrapper. */
    static String rootReason(Throwable e) {
        Throwable reason = e;
        while (reason.getCause() != null && reason.getCause() != reason) {
            reason = reason.getCause();
        }
        String message = reason.getMessage();
        if (message == null) {
            return reason.getClass().getName();
        }
        return message.length() <= MAX_REASON_LENGTH ? message : message.substring(0, MAX_REASON_LENGTH) + "...";
    }
}
