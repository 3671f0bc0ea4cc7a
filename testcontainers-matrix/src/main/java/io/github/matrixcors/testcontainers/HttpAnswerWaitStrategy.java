package io.github.matrixcors.testcontainers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;

/**
 * Waits until the container's first exposed port responds to an HTTP GET of a path, with a given status or with any. A
 * proxy counts as ready as soon as it responds, even with 502 while its homeserver is still starting, so the two can
 * start side by side.
 *
 * <p>It stops waiting as soon as the container exits, instead of waiting for the timeout. The request is written on a
 * plain socket and no redirect is followed, so a configuration that redirects to another host never sends traffic
 * there.
 */
final class HttpAnswerWaitStrategy extends AbstractWaitStrategy {

    /** Status value that accepts any HTTP response. */
    static final int ANY_STATUS = -1;

    private static final long RUNNING_CHECK_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.[01] (\\d{3})");

    private final String path;

    private final int requiredStatus;

    HttpAnswerWaitStrategy(String path, int requiredStatus) {
        this.path = path;
        this.requiredStatus = requiredStatus;
    }

    @Override
    protected void waitUntilReady() {
        String host = waitStrategyTarget.getHost();
        int containerPort = waitStrategyTarget.getExposedPorts().get(0);
        int port = waitStrategyTarget.getMappedPort(containerPort);
        long deadline = System.nanoTime() + startupTimeout.toNanos();
        String lastAnswer = "no attempt made";
        long nextRunningCheck = System.nanoTime();

        while (System.nanoTime() < deadline) {
            try {
                int status = status(host, port);
                if (status > 0 && (requiredStatus == ANY_STATUS || status == requiredStatus)) {
                    return;
                }
                lastAnswer = status > 0 ? "HTTP " + status : "an answer that is not HTTP";
            } catch (IOException e) {
                lastAnswer = e.toString();
                // Only a container that does not respond can have exited. Asking Docker costs a request and CPU
                // that the starting server needs, so ask at most once per second.
                if (System.nanoTime() >= nextRunningCheck) {
                    if (!waitStrategyTarget.isRunning()) {
                        throw new ContainerLaunchException(
                                "the container exited before " + path + " responded on port " + port);
                    }
                    nextRunningCheck = System.nanoTime() + RUNNING_CHECK_INTERVAL_NANOS;
                }
            }
            sleep();
        }
        throw new ContainerLaunchException("timed out after " + startupTimeout.toSeconds() + " s waiting for "
                + (requiredStatus == ANY_STATUS ? "an HTTP answer" : "HTTP " + requiredStatus) + " to " + path
                + " on container port " + containerPort + " (mapped to " + host + ":" + port + "), so the server in the"
                + " container does not listen on port " + containerPort + " or does not answer there (last answer: "
                + lastAnswer + ")");
    }

    /** Returns the status code of the response, or 0 when the response is not HTTP. */
    private int status(String host, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            String request = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();

            InputStream in = socket.getInputStream();
            String start = new String(in.readNBytes(12), StandardCharsets.US_ASCII);
            Matcher statusLine = STATUS_LINE.matcher(start);
            return statusLine.lookingAt() ? Integer.parseInt(statusLine.group(1)) : 0;
        }
    }

    private static void sleep() {
        try {
            TimeUnit.MILLISECONDS.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContainerLaunchException("Interrupted while waiting for the container", e);
        }
    }
}
