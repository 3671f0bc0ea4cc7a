package io.github.matrixcors.testcontainers;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.wait.strategy.AbstractWaitStrategy;

/**
 * Waits until the container's first exposed port answers an HTTP request with any status line. A proxy counts as ready
 * when it answers, even with 502 while its homeserver is still starting, so the two can start side by side.
 *
 * <p>The request is written on a plain socket and no redirect is followed, so a configuration that redirects to another
 * host never sends traffic there.
 */
final class HttpAnswerWaitStrategy extends AbstractWaitStrategy {

    private final String path;

    HttpAnswerWaitStrategy(String path) {
        this.path = path;
    }

    @Override
    protected void waitUntilReady() {
        String host = waitStrategyTarget.getHost();
        int port = waitStrategyTarget.getMappedPort(
                waitStrategyTarget.getExposedPorts().get(0));
        long deadline = System.nanoTime() + startupTimeout.toNanos();
        String lastFailure = "no attempt made";

        while (System.nanoTime() < deadline) {
            if (!waitStrategyTarget.isRunning()) {
                throw new ContainerLaunchException("The container exited before it answered HTTP on port " + port);
            }
            try {
                if (answersHttp(host, port)) {
                    return;
                }
                lastFailure = "the reply was not HTTP";
            } catch (IOException e) {
                lastFailure = e.toString();
            }
            sleep();
        }
        throw new ContainerLaunchException("Timed out after " + startupTimeout.toSeconds() + " s waiting for an HTTP "
                + "answer on " + host + ":" + port + path + " (last attempt: " + lastFailure + ")");
    }

    private boolean answersHttp(String host, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            socket.setSoTimeout(2000);
            OutputStream out = socket.getOutputStream();
            String request = "GET " + path + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n";
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();

            InputStream in = socket.getInputStream();
            byte[] start = in.readNBytes(5);
            return new String(start, StandardCharsets.US_ASCII).equals("HTTP/");
        }
    }

    private static void sleep() {
        try {
            TimeUnit.MILLISECONDS.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ContainerLaunchException("Interrupted while waiting for the container", e);
        }
    }
}
