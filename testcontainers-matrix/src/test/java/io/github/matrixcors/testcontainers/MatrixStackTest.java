package io.github.matrixcors.testcontainers;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.github.matrixcors.MatrixAccount;
import io.github.matrixcors.cors.ProxyKind;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Network;

class MatrixStackTest {

    @Test
    void nginxStackProxiesToSynapse() throws Exception {
        try (MatrixStack stack = MatrixStack.synapseBehind(ProxyKind.NGINX, ProxyPreset.CORRECT)) {
            stack.start();

            HttpResponse<String> versions =
                    SynapseContainerTest.get(stack.baseUri().resolve("/_matrix/client/versions"), null);
            assertThat(versions.statusCode(), equalTo(200));
            assertThat(versions.headers().allValues("Access-Control-Allow-Origin"), equalTo(List.of("*")));

            MatrixAccount bob = stack.registerUser("bob");
            HttpResponse<String> whoami = SynapseContainerTest.get(
                    stack.baseUri().resolve("/_matrix/client/v3/account/whoami"), bob.accessToken());
            assertThat(whoami.statusCode(), equalTo(200));

            assertThat(
                    proxyLogsOnceTheyContain(stack, "GET /_matrix/client/v3/account/whoami"),
                    containsString("GET /_matrix/client/v3/account/whoami"));
            assertThat(stack.getSynapseLogs(), containsString("SynapseSite"));
            assertThat(stack.getLastStartDuration(), notNullValue());
        }
    }

    // nginx writes the access log line after the response, and Docker's log reader sees it a moment later.
    private static String proxyLogsOnceTheyContain(MatrixStack stack, String text) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        String logs = stack.getProxyLogs();
        while (!logs.contains(text) && System.nanoTime() < deadline) {
            Thread.sleep(100);
            logs = stack.getProxyLogs();
        }
        return logs;
    }

    @Test
    void userConfigFileFrontsSynapse() throws Exception {
        Path file = Path.of(getClass().getResource("/proxy/user-nginx.conf").toURI());
        NginxProxyContainer nginx = new NginxProxyContainer(MatrixImages.nginx()).withConfigFile(file);

        try (MatrixStack stack = new MatrixStack(new SynapseContainer(MatrixImages.synapse()), nginx)) {
            stack.start();

            HttpResponse<String> versions =
                    SynapseContainerTest.get(stack.baseUri().resolve("/_matrix/client/versions"), null);
            assertThat(versions.statusCode(), equalTo(200));
            assertThat(nginx.getRenderedConfig(), containsString("set $homeserver synapse:8008;"));
            assertThat(nginx.getConfigName(), equalTo("file " + file.toAbsolutePath()));
        }
    }

    @Test
    void withHomeserverStartsSynapseFirst() throws Exception {
        try (Network network = ContainerCleanup.newNetwork();
                SynapseContainer synapse = new SynapseContainer(MatrixImages.synapse())
                        .withNetwork(network)
                        .withNetworkAliases("homeserver");
                CaddyProxyContainer caddy = new CaddyProxyContainer(MatrixImages.caddy()).withHomeserver(synapse)) {
            caddy.start();

            assertThat(synapse.isRunning(), equalTo(true));
            assertThat(caddy.getRenderedConfig(), containsString("reverse_proxy homeserver:8008"));
            HttpResponse<String> versions =
                    SynapseContainerTest.get(caddy.baseUri().resolve("/_matrix/client/versions"), null);
            assertThat(versions.statusCode(), equalTo(200));
        }
    }

    @Test
    void sharedStackStartsOnce() {
        MatrixStack first = MatrixStack.shared(ProxyKind.NGINX, ProxyPreset.CORRECT);
        MatrixStack second = MatrixStack.shared(ProxyKind.NGINX, ProxyPreset.CORRECT);

        assertThat(second == first, equalTo(true));
        assertThat(second.isRunning(), equalTo(true));
    }
}
