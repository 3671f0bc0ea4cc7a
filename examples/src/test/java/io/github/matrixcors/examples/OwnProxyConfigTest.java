package io.github.matrixcors.examples;

import io.github.matrixcors.junit.MatrixCorsCompliant;
import io.github.matrixcors.junit.MatrixCorsSuite;
import io.github.matrixcors.testcontainers.MatrixImages;
import io.github.matrixcors.testcontainers.MatrixStack;
import io.github.matrixcors.testcontainers.NginxProxyContainer;
import io.github.matrixcors.testcontainers.SynapseContainer;
import java.nio.file.Path;

/**
 * An operator's own nginx site configuration under test, read from the repository where it is kept. The file writes
 * {@code {{homeserver}}} where Synapse's {@code host:port} belongs; the container fills it in.
 */
// quick-start: own-config
@MatrixCorsCompliant(registerUser = true)
class OwnProxyConfigTest implements MatrixCorsSuite {

    static MatrixStack stack = new MatrixStack(
            new SynapseContainer(MatrixImages.synapse()),
            new NginxProxyContainer(MatrixImages.nginx())
                    .withConfigFile(Path.of("src/test/resources/proxy/nginx-site.conf")));
}
// end: own-config
