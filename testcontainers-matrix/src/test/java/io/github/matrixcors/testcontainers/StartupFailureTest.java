package io.github.matrixcors.testcontainers;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.ContainerLaunchException;
import org.testcontainers.containers.Network;
import org.testcontainers.utility.DockerImageName;

/** Containers that cannot start fail with a message naming the container, the image, the reason and the log. */
class StartupFailureTest {

    private static final Network NETWORK = ContainerCleanup.newNetwork();

    @AfterAll
    static void removeNetwork() {
        NETWORK.close();
    }

    @Test
    void containerNeverCreatedGetsNoLogOrHint() {
        SynapseContainer synapse = new SynapseContainer(MatrixImages.SYNAPSE);
        IllegalStateException noDocker = new IllegalStateException(
                "Could not find a valid Docker environment. Please see logs and check configuration");

        ContainerLaunchException e = StartupFailure.describe(
                synapse, "Synapse homeserver", MatrixImages.SYNAPSE, "", noDocker, null, "Check the overrides.");

        assertThat(
                e.getMessage(),
                equalTo("Synapse homeserver container (image matrixdotorg/synapse:v1.163.2) failed to start: Could not"
                        + " find a valid Docker environment. Please see logs and check configuration"));
    }

    @Test
    void missingLocalSynapseImageFailsAtStart() {
        DockerImageName missing = DockerImageName.parse("matrix-cors/synapse:no-such-version")
                .asCompatibleSubstituteFor(MatrixImages.SYNAPSE);
        SynapseContainer synapse = new SynapseContainer(missing).withNetwork(NETWORK);

        IllegalStateException e = assertThrows(IllegalStateException.class, synapse::start);

        assertThat(e.getMessage(), startsWith("Local image matrix-cors/synapse:no-such-version not found"));
        assertThat(e.getMessage(), containsString("images/build.sh"));
        assertThat(e.getMessage(), containsString("official image matrixdotorg/synapse:v1.163.2"));
        assertThat(synapse.getContainerId(), equalTo(null));
    }

    @Test
    void missingLocalProxyImageFailsAtStart() {
        DockerImageName missing = DockerImageName.parse("matrix-cors/nginx:no-such-version")
                .asCompatibleSubstituteFor(MatrixImages.NGINX);
        NginxProxyContainer nginx = new NginxProxyContainer(missing)
                .withHomeserverAddress("synapse:8008")
                .withNetwork(NETWORK);

        IllegalStateException e = assertThrows(IllegalStateException.class, nginx::start);

        assertThat(e.getMessage(), startsWith("Local image matrix-cors/nginx:no-such-version not found"));
        assertThat(e.getMessage(), containsString("official image nginx:1.30.8"));
    }

    @Test
    void invalidNginxConfigFailsWithNginxMessage() {
        NginxProxyContainer nginx = new NginxProxyContainer(MatrixImages.nginx())
                .withConfigResource("proxy/invalid-nginx.conf")
                .withHomeserverAddress("synapse:8008")
                .withNetwork(NETWORK);

        ContainerLaunchException e = assertThrows(ContainerLaunchException.class, nginx::start);

        assertThat(
                e.getMessage(),
                startsWith("nginx proxy container (image "
                        + MatrixImages.nginx().asCanonicalNameString() + ") failed to start: "));
        assertThat(
                e.getMessage(),
                containsString("the configuration test rejected classpath:proxy/invalid-nginx.conf (nginx -t -q)"));
        assertThat(
                e.getMessage(),
                containsString("unknown directive \"proxy_passs\" in /etc/nginx/conf.d/matrix-cors.conf:6"));
        assertThat(e.getMessage(), not(containsString("Timed out")));
        assertThat(nginx.getContainerId(), equalTo(null));
    }

    @Test
    void invalidCaddyfileFailsWithCaddyMessage(@TempDir Path directory) throws Exception {
        Path caddyfile = directory.resolve("Caddyfile");
        Files.writeString(caddyfile, ":80 {\n\treverse_proxy {{homeserver}}\n\theadr X-Typo yes\n}\n");
        CaddyProxyContainer caddy = new CaddyProxyContainer(MatrixImages.caddy())
                .withConfigFile(caddyfile)
                .withHomeserverAddress("synapse:8008")
                .withNetwork(NETWORK);

        ContainerLaunchException e = assertThrows(ContainerLaunchException.class, caddy::start);

        assertThat(
                e.getMessage(), containsString("the configuration test rejected file " + caddyfile.toAbsolutePath()));
        assertThat(e.getMessage(), containsString("unrecognized directive: headr"));
        assertThat(e.getMessage(), containsString("Caddyfile:3"));
    }

    @Test
    void invalidApacheConfigFailsWithHttpdMessage(@TempDir Path directory) throws Exception {
        Path site = directory.resolve("matrix.conf");
        Files.writeString(
                site,
                "<VirtualHost *:80>\n    ProxyPass /_matrix http://{{homeserver}}/_matrix\n"
                        + "    HeaderX always set X-Typo yes\n</VirtualHost>\n");
        ApacheProxyContainer apache = new ApacheProxyContainer(MatrixImages.httpd())
                .withConfigFile(site)
                .withHomeserverAddress("synapse:8008")
                .withNetwork(NETWORK);

        ContainerLaunchException e = assertThrows(ContainerLaunchException.class, apache::start);

        assertThat(e.getMessage(), containsString("the configuration test rejected file " + site.toAbsolutePath()));
        assertThat(e.getMessage(), containsString("line 3 of /usr/local/apache2/conf/matrix-cors.conf"));
        assertThat(e.getMessage(), containsString("Invalid command 'HeaderX'"));
    }

    @Test
    void synapseWithInvalidConfigNamesContainerAndLog() {
        SynapseContainer synapse =
                new SynapseContainer(MatrixImages.synapse()).withConfig("database", Map.of("name", "no_such_engine"));

        ContainerLaunchException e = assertThrows(ContainerLaunchException.class, synapse::start);

        assertThat(
                e.getMessage(),
                startsWith("Synapse homeserver container (image "
                        + MatrixImages.synapse().asCanonicalNameString() + ") failed to start: "));
        assertThat(e.getMessage(), containsString("the container exited before /health responded"));
        assertThat(e.getMessage(), containsString("Last lines of its log:"));
        assertThat(e.getMessage(), containsString("no_such_engine"));
        assertThat(synapse.getContainerId(), equalTo(null));
    }
}
