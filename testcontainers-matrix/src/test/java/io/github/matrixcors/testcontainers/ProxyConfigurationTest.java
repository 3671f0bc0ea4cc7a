package io.github.matrixcors.testcontainers;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.matrixcors.cors.ProxyKind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProxyConfigurationTest {

    @Test
    void everyPresetHasHeaderAndPlaceholder() throws Exception {
        for (ProxyKind kind : ProxyKind.values()) {
            for (ProxyPreset preset : ProxyPreset.supportedBy(kind)) {
                String text = new String(ProxyPreset.class
                        .getClassLoader()
                        .getResourceAsStream(preset.resource(kind))
                        .readAllBytes());

                assertThat(preset.resource(kind), text, startsWith("# " + preset.name() + ": "));
                assertThat(preset.resource(kind), text, containsString(ProxyContainer.HOMESERVER_PLACEHOLDER));
            }
        }
    }

    @Test
    void sharedPresetsExistForEveryProxy() {
        for (ProxyKind kind : ProxyKind.values()) {
            for (ProxyPreset preset : ProxyPreset.values()) {
                if (preset != ProxyPreset.BROKEN_LOST_INHERITANCE) {
                    assertTrue(preset.supports(kind), preset + " for " + kind);
                }
            }
        }
        assertThat(ProxyPreset.supportedBy(ProxyKind.NGINX), equalTo(Arrays.asList(ProxyPreset.values())));
    }

    @Test
    void unsupportedPresetFailsAtStartNamingAvailableOnes() {
        CaddyProxyContainer caddy = new CaddyProxyContainer(MatrixImages.CADDY)
                .withPreset(ProxyPreset.BROKEN_LOST_INHERITANCE)
                .withHomeserverAddress("synapse:8008");

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, caddy::start);

        assertThat(e.getMessage(), startsWith("Preset BROKEN_LOST_INHERITANCE does not exist for Caddy; available: "));
        assertThat(caddy.getContainerId(), equalTo(null));
    }

    @Test
    void unsupportedPresetFailsStackStartBeforeSynapse() {
        MatrixStack stack = MatrixStack.synapseBehind(ProxyKind.CADDY, ProxyPreset.BROKEN_LOST_INHERITANCE);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, stack::start);

        assertThat(e.getMessage(), startsWith("Preset BROKEN_LOST_INHERITANCE does not exist for Caddy; available: "));
        assertThat(stack.getSynapse().getContainerId(), equalTo(null));
        stack.getNetwork().close();
    }

    @Test
    void laterConfigReplacesUnsupportedPreset() {
        NginxProxyContainer nginx = new NginxProxyContainer(MatrixImages.NGINX).withHomeserverAddress("synapse:8008");
        CaddyProxyContainer caddy = new CaddyProxyContainer(MatrixImages.CADDY)
                .withPreset(ProxyPreset.BROKEN_LOST_INHERITANCE)
                .withPreset(ProxyPreset.CORRECT)
                .withHomeserverAddress("synapse:8008");

        assertThat(caddy.getRenderedConfig(), containsString("synapse:8008"));
        assertThat(nginx.getRenderedConfig(), containsString("synapse:8008"));
    }

    @Test
    void fileWithoutPlaceholderGetsWarning(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("production.conf");
        Files.writeString(file, "server {\n    listen 80;\n    location / { proxy_pass http://127.0.0.1:8008; }\n}\n");
        NginxProxyContainer nginx =
                new NginxProxyContainer(MatrixImages.NGINX).withConfigFile(file).withHomeserverAddress("synapse:8008");

        String warning = nginx.missingPlaceholderWarning();

        assertThat(warning, startsWith("file " + file.toAbsolutePath() + " has no {{homeserver}} placeholder"));
        assertThat(warning, containsString("(synapse:8008)"));
        assertThat(warning, containsString("502 Bad Gateway"));
    }

    @Test
    void presetNeedsNoPlaceholderWarning() {
        NginxProxyContainer nginx = new NginxProxyContainer(MatrixImages.NGINX).withHomeserverAddress("synapse:8008");

        assertThat(nginx.missingPlaceholderWarning(), equalTo(null));
    }

    @Test
    void placeholderBecomesHomeserverAddress() {
        NginxProxyContainer nginx = new NginxProxyContainer(MatrixImages.NGINX).withHomeserverAddress("dendrite:8008");

        String rendered = nginx.getRenderedConfig();

        assertThat(rendered, containsString("set $homeserver dendrite:8008;"));
        assertThat(rendered, not(containsString("{{")));
    }

    @Test
    void missingHomeserverIsReported() {
        NginxProxyContainer nginx = new NginxProxyContainer(MatrixImages.NGINX);

        IllegalStateException e = assertThrows(IllegalStateException.class, nginx::getRenderedConfig);

        assertThat(e.getMessage(), containsString("withHomeserver(synapseContainer)"));
    }

    @Test
    void unknownPlaceholderIsReported(@TempDir Path directory) throws Exception {
        Path file = directory.resolve("site.conf");
        Files.writeString(file, "server { listen 80; location / { proxy_pass http://{{upstream}}; } }\n");
        NginxProxyContainer nginx =
                new NginxProxyContainer(MatrixImages.NGINX).withConfigFile(file).withHomeserverAddress("synapse:8008");

        IllegalStateException e = assertThrows(IllegalStateException.class, nginx::getRenderedConfig);

        assertThat(e.getMessage(), startsWith("Unknown placeholder {{upstream}} in file " + file.toAbsolutePath()));
    }

    @Test
    void missingConfigFileIsReported(@TempDir Path directory) {
        Path missing = directory.resolve("missing.conf");
        NginxProxyContainer nginx = new NginxProxyContainer(MatrixImages.NGINX);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> nginx.withConfigFile(missing));

        assertThat(e.getMessage(), equalTo("Proxy configuration file not found: " + missing.toAbsolutePath()));
    }

    @Test
    void missingConfigResourceIsReported() {
        ApacheProxyContainer apache = new ApacheProxyContainer(MatrixImages.HTTPD);

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> apache.withConfigResource("proxy/none.conf"));

        assertThat(e.getMessage(), equalTo("Proxy configuration resource not found on the classpath: proxy/none.conf"));
    }

    @Test
    void invalidHomeserverAddressIsRejected() {
        NginxProxyContainer nginx = new NginxProxyContainer(MatrixImages.NGINX);

        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> nginx.withHomeserverAddress("http://synapse"));

        assertThat(e.getMessage(), startsWith("Invalid homeserver address 'http://synapse'"));
    }

    @Test
    void apacheMainConfigGuardsModules() {
        String config = ApacheProxyContainer.mainConfig();

        assertThat(config, containsString("<IfModule !proxy_http_module>\n    LoadModule proxy_http_module"));
        assertThat(config, containsString("Include conf/matrix-cors.conf"));
    }
}
