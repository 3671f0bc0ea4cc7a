package io.github.matrixcors.testcontainers;

import org.testcontainers.containers.Network;

/**
 * Starts Synapse on a network of its own and exits without stopping either, as a test JVM does when a test class
 * forgets to stop its container. Prints the session label's value on the first line.
 */
public final class LeftoverFixture {

    private LeftoverFixture() {}

    public static void main(String[] args) {
        Network network = ContainerCleanup.newNetwork();
        SynapseContainer synapse = new SynapseContainer(MatrixImages.synapse()).withNetwork(network);
        synapse.start();
        System.out.println(ContainerCleanup.sessionId());
        System.out.flush();
        System.exit(0);
    }
}
