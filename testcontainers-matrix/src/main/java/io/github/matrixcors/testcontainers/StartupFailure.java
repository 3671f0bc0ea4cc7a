package io.github.matrixcors.testcontainers;

import java.util.Arrays;
import java.util.List;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;

/** Builds the exception thrown when one of the module's containers fails to start. */
final class StartupFailure {

    /** Number of log lines of the failed container that the message includes. */
    static final int LOG_TAIL_LINES = 40;

    private StartupFailure() {}

    /**
     * Describes a failed start: which container, which image, the innermost reason and the tail of the container's log.
     * Also removes the failed container, so that nothing is left behind when the caller never calls {@code stop()}.
     *
     * @param role what the container is for, for example {@code "Synapse homeserver"}
     * @param image the image name as the container was created with it; the container's own getter would try to pull
     *     an image that is missing
     * @param hint a sentence that tells the reader what to check, or {@code null}
     */
    static ContainerLaunchException describe(
            GenericContainer<?> container, String role, DockerImageName image, RuntimeException e, String hint) {
        String logTail = logTail(container);
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
                .append(rootReason(e));
        if (hint != null) {
            message.append("\n").append(hint);
        }
        if (logTail.isEmpty()) {
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
        return message == null ? reason.getClass().getName() : message;
    }

    /** Returns the last {@link #LOG_TAIL_LINES} lines of the container's output, or an empty string. */
    static String logTail(GenericContainer<?> container) {
        if (container.getContainerId() == null) {
            return "";
        }
        String logs;
        try {
            logs = container.getLogs();
        } catch (RuntimeException e) {
            return "";
        }
        List<String> lines = Arrays.asList(logs.strip().split("\n"));
        if (logs.isBlank()) {
            return "";
        }
        int from = Math.max(0, lines.size() - LOG_TAIL_LINES);
        return String.join("\n", lines.subList(from, lines.size()));
    }
}
