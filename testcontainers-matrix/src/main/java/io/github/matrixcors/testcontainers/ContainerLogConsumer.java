package io.github.matrixcors.testcontainers;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.event.Level;
import org.testcontainers.containers.output.OutputFrame;

/**
 * Streams a container's output to SLF4J line by line and keeps its last lines for failure messages. Servers write all
 * their logging to standard error, so the level comes from the line itself: lines that name an error go to ERROR,
 * warnings to WARN, everything else to DEBUG. A proxy's failed connections to its upstream also go to DEBUG, because
 * they are expected while the homeserver starts.
 *
 * <p>The kept lines survive the container: Testcontainers removes a container that failed to start before the caller
 * could read its log.
 */
final class ContainerLogConsumer implements Consumer<OutputFrame> {

    private final Logger logger;

    private final int keptLines;

    private final Deque<String> lastLines = new ArrayDeque<>();

    private final CountDownLatch ended = new CountDownLatch(1);

    ContainerLogConsumer(Logger logger, int keptLines) {
        this.logger = logger;
        this.keptLines = keptLines;
    }

    @Override
    public void accept(OutputFrame frame) {
        if (frame.getType() == OutputFrame.OutputType.END) {
            ended.countDown();
            return;
        }
        String text = frame.getUtf8StringWithoutLineEnding();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                keep(line);
                log(line);
            }
        }
    }

    /**
     * Returns the last lines the container wrote, waiting up to {@code wait} milliseconds for the end of its output
     * when the container has stopped, so that a failed start shows its final message.
     */
    String tail(long wait) {
        try {
            ended.await(wait, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (lastLines) {
            return String.join("\n", lastLines);
        }
    }

    private void keep(String line) {
        synchronized (lastLines) {
            lastLines.addLast(line);
            while (lastLines.size() > keptLines) {
                lastLines.removeFirst();
            }
        }
    }

    private void log(String line) {
        switch (levelOf(line)) {
            case ERROR -> logger.error("{}", line);
            case WARN -> logger.warn("{}", line);
            default -> logger.debug("{}", line);
        }
    }

    /** Returns the level at which {@code line} is logged, judged from the words the server put in it. */
    static Level levelOf(String line) {
        String lower = line.toLowerCase(Locale.ROOT);
        if (isRefusedUpstream(lower)) {
            return Level.DEBUG;
        }
        if (lower.contains(" - error - ")
                || lower.contains(" - critical - ")
                || lower.contains("[emerg]")
                || lower.contains("[crit]")
                || lower.contains("\"level\":\"error\"")
                || lower.contains(":error]")
                || lower.contains("[error]")) {
            return Level.ERROR;
        }
        if (lower.contains(" - warning - ")
                || lower.contains("[warn]")
                || lower.contains(":warn]")
                || lower.contains("\"level\":\"warn\"")) {
            return Level.WARN;
        }
        return Level.DEBUG;
    }

    /**
     * Returns whether a proxy's log line reports a request that failed because the homeserver refused the connection,
     * as every request does while the homeserver is still starting: nginx's "while connecting to upstream", Apache
     * httpd's AH00957 and AH01114, and Caddy's "connect: connection refused".
     */
    private static boolean isRefusedUpstream(String lower) {
        return lower.contains("while connecting to upstream")
                || lower.contains("ah00957:")
                || lower.contains("ah01114:")
                || lower.contains("connect: connection refused");
    }
}
