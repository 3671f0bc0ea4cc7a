package io.github.matrixcors.testcontainers;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.ConflictException;
import com.github.dockerjava.api.exception.NotFoundException;
import com.github.dockerjava.api.model.Container;
import com.github.dockerjava.api.model.Network;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;

/**
 * Labels every container and network this module creates and removes the ones still present when the JVM exits.
 *
 * <p>Testcontainers normally leaves that job to its Ryuk container. Where Ryuk is disabled
 * ({@code TESTCONTAINERS_RYUK_DISABLED=true}), a container that a test never stopped, or one left by a failed start,
 * would outlive the test run; the shutdown hook registered here removes every container and network that carries this
 * JVM's session label. It runs whether or not Ryuk is enabled, because removing an already removed resource is a no-op.
 */
final class ContainerCleanup {

    /** Label present on every container and network the module creates, with the value {@code true}. */
    static final String MODULE_LABEL = "io.github.matrixcors";

    /** Label whose value identifies the JVM that created the resource. */
    static final String SESSION_LABEL = "io.github.matrixcors.session";

    private static final Logger LOG = LoggerFactory.getLogger(ContainerCleanup.class);

    private static final int NETWORK_REMOVAL_ATTEMPTS = 10;

    private static boolean hookRegistered;

    private ContainerCleanup() {}

    /** Returns the labels to put on a resource, registering the shutdown hook on first use. */
    static synchronized Map<String, String> labels() {
        if (!hookRegistered) {
            Runtime.getRuntime().addShutdownHook(new Thread(ContainerCleanup::removeLeftovers, "matrix-cors-cleanup"));
            hookRegistered = true;
        }
        return Map.of(MODULE_LABEL, "true", SESSION_LABEL, sessionId());
    }

    /** Returns the identifier of this JVM's session, the same one Testcontainers uses for its own labels. */
    static String sessionId() {
        return DockerClientFactory.SESSION_ID;
    }

    /** Creates a network that carries the module's labels. */
    static org.testcontainers.containers.Network newNetwork() {
        Map<String, String> labels = labels();
        return org.testcontainers.containers.Network.builder()
                .createNetworkCmdModifier(cmd -> cmd.withLabels(labels))
                .build();
    }

    /** Removes the containers, then the networks, that carry this JVM's session label. */
    static void removeLeftovers() {
        DockerClient client;
        try {
            client = DockerClientFactory.instance().client();
        } catch (RuntimeException e) {
            LOG.debug("Docker is not available, so there is nothing to clean up", e);
            return;
        }
        String filter = SESSION_LABEL + "=" + sessionId();

        List<Container> containers = client.listContainersCmd()
                .withShowAll(true)
                .withLabelFilter(List.of(filter))
                .exec();
        for (Container container : containers) {
            try {
                client.removeContainerCmd(container.getId())
                        .withForce(true)
                        .withRemoveVolumes(true)
                        .exec();
                LOG.info("Removed leftover container {} ({})", container.getId(), container.getImage());
            } catch (NotFoundException | ConflictException e) {
                // Testcontainers' own shutdown hook removed it first or is removing it now.
                LOG.debug("Leftover container {} is already being removed", container.getId());
            } catch (RuntimeException e) {
                LOG.warn("Failed to remove leftover container {}: {}", container.getId(), e.toString());
            }
        }

        List<Network> networks =
                client.listNetworksCmd().withFilter("label", List.of(filter)).exec();
        for (Network network : networks) {
            removeNetwork(client, network);
        }
    }

    /** Removes a network, retrying while a container removal that another hook started still keeps an endpoint on it. */
    private static void removeNetwork(DockerClient client, Network network) {
        for (int attempt = 1; ; attempt++) {
            try {
                client.removeNetworkCmd(network.getId()).exec();
                LOG.info("Removed leftover network {} ({})", network.getId(), network.getName());
                return;
            } catch (NotFoundException e) {
                return;
            } catch (RuntimeException e) {
                if (attempt == NETWORK_REMOVAL_ATTEMPTS) {
                    LOG.warn("Failed to remove leftover network {}: {}", network.getId(), e.toString());
                    return;
                }
                try {
                    Thread.sleep(200);
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }
}
