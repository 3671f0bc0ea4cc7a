package io.github.matrixcors.testcontainers;

import io.github.matrixcors.cors.ProxyKind;
import java.util.Map;
import org.testcontainers.utility.DockerImageName;

/**
 * nginx in front of a homeserver.
 *
 * <p>The configuration file, preset or the user's own, holds one or more {@code server} blocks as in a file under
 * {@code /etc/nginx/conf.d/}; one of them listens on port 80. The module wraps it in a complete {@code nginx.conf} whose
 * {@code http} block sets {@code resolver 127.0.0.11} (Docker's DNS server), so that a configuration can write
 *
 * <pre>
 * set $homeserver {{homeserver}};
 * proxy_pass http://$homeserver;
 * </pre>
 *
 * <p>and nginx resolves the homeserver per request. A literal {@code proxy_pass http://{{homeserver}};} also works, but
 * then nginx resolves the name once at start and refuses to start while the homeserver's container does not exist yet.
 */
public class NginxProxyContainer extends ProxyContainer<NginxProxyContainer> {

    static final String MAIN_CONFIG_PATH = "/etc/nginx/nginx.conf";

    static final String SITE_CONFIG_PATH = "/etc/nginx/conf.d/matrix-cors.conf";

    public NginxProxyContainer(String dockerImageName) {
        this(DockerImageName.parse(dockerImageName));
    }

    public NginxProxyContainer(DockerImageName dockerImageName) {
        super(dockerImageName, MatrixImages.NGINX);
    }

    @Override
    public ProxyKind proxyKind() {
        return ProxyKind.NGINX;
    }

    @Override
    protected Map<String, String> configFiles(String renderedConfig) {
        return Map.of(MAIN_CONFIG_PATH, mainConfig(), SITE_CONFIG_PATH, renderedConfig);
    }

    @Override
    protected String configTestCommand() {
        return "nginx -t -q";
    }

    @Override
    protected String serverCommand() {
        return "nginx -g 'daemon off;'";
    }

    static String mainConfig() {
        return """
                # Written by the matrix-cors Testcontainers module; the site configuration is %s.
                worker_processes 1;
                error_log /dev/stderr notice;
                pid /tmp/nginx.pid;

                events {
                    worker_connections 256;
                }

                http {
                    access_log /dev/stdout;
                    default_type application/octet-stream;

                    # Docker's embedded DNS server on user-defined networks; short validity so a restarted
                    # homeserver container is found again.
                    resolver 127.0.0.11 valid=5s ipv6=off;

                    include %s;
                }
                """.formatted(SITE_CONFIG_PATH, SITE_CONFIG_PATH);
    }
}
