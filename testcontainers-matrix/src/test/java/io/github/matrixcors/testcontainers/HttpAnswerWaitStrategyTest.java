package io.github.matrixcors.testcontainers;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.dockerjava.api.command.InspectContainerResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.wait.strategy.WaitStrategyTarget;

/** The wait for a container's first HTTP answer, against a local socket that stands in for the mapped port. */
class HttpAnswerWaitStrategyTest {

    @Test
    void timeoutNamesContainerPort() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> closeEveryConnection(server));
            acceptor.setDaemon(true);
            acceptor.start();
            HttpAnswerWaitStrategy strategy = new HttpAnswerWaitStrategy("/health", 200);
            strategy.withStartupTimeout(Duration.ofSeconds(1));

            ContainerLaunchException e = assertThrows(
                    ContainerLaunchException.class, () -> strategy.waitUntilReady(new LocalTarget(server)));

            assertTrue(e.getMessage().contains("on container port 80 (mapped to localhost:"), e.getMessage());
            assertTrue(e.getMessage().contains("does not listen on port 80"), e.getMessage());
        }
    }

    private static void closeEveryConnection(ServerSocket server) {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                socket.getOutputStream().write("garbage".getBytes());
            } catch (IOException e) {
                return;
            }
        }
    }

    /** A running container whose port 80 is mapped to {@code server}'s port. */
    private record LocalTarget(ServerSocket server) implements WaitStrategyTarget {

        @Override
        public String getHost() {
            return "localhost";
        }

        @Override
        public List<Integer> getExposedPorts() {
            return List.of(80);
        }

        @Override
        public Integer getMappedPort(int originalPort) {
            return server.getLocalPort();
        }

        @Override
        public boolean isRunning() {
            return true;
        }

        @Override
        public InspectContainerResponse getContainerInfo() {
            return null;
        }
    }
}
