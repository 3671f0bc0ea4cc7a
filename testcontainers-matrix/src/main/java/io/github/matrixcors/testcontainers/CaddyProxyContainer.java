package io.github.matrixcors.testcontainers;

import io.github.matrixcors.cors.ProxyKind;
import java.util.Map;
import org.testcontainers.utility.DockerImageName;

/**
 * Caddy in front of a homeserver.
 *
 * <p>The configuration file, preset or the user's own, is the complete Caddyfile, global options included. It serves
 * plain HTTP on port 80, for example with the site address {@code :80} or {@code http://}, because the container has
 * no certificate. Caddy resolves {@code reverse_proxy {{homeserver}}} per request, so it starts before the homeserver.
 */
public class CaddyProxyContainer extends ProxyContainer<CaddyProxyContainer> {

    static final String CONFIG_PATH = "/etc/caddy/Caddyfile";

    public CaddyProxyContainer(String dockerImageName) {
        this(DockerImageName.parse(dockerImageName));
    }

    public CaddyProxyContainer(DockerImageName dockerImageName) {
        super(dockerImageName, MatrixImages.CADDY);
    }

    @Override
    public ProxyKind proxyKind() {
        return ProxyKind.CADDY;
    }

    @Override
    protected Map<String, String> configFiles(String renderedConfig) {
        return Map.of(CONFIG_PATH, renderedConfig);
    }

    @Override
    protected String configTestCommand() {
        return "caddy validate --config " + CONFIG_PATH + " --adapter caddyfile";
    }

    @Override
    protected String serverCommand() {
        return "caddy run --config " + CONFIG_PATH + " --adapter caddyfile";
    }
}
