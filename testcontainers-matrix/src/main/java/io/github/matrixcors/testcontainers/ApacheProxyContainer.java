package io.github.matrixcors.testcontainers;

import io.github.matrixcors.cors.ProxyKind;
import java.util.Map;
import org.testcontainers.utility.DockerImageName;

/**
 * Apache httpd in front of a homeserver.
 *
 * <p>The configuration file, preset or the user's own, holds server-level directives or a {@code <VirtualHost *:80>},
 * as a file under {@code conf.d/} would. The module writes the main {@code httpd.conf} around it: {@code Listen 80},
 * logs to the container's output, and the modules a reverse proxy uses ({@code mod_proxy}, {@code mod_proxy_http},
 * {@code mod_headers}, {@code mod_rewrite}, {@code mod_setenvif}, {@code mod_authz_core}). mod_proxy resolves the
 * homeserver's name when a request needs it, so httpd starts before the homeserver.
 */
public class ApacheProxyContainer extends ProxyContainer<ApacheProxyContainer> {

    static final String SERVER_ROOT = "/usr/local/apache2";

    static final String MAIN_CONFIG_PATH = SERVER_ROOT + "/conf/httpd.conf";

    static final String SITE_CONFIG_PATH = SERVER_ROOT + "/conf/matrix-cors.conf";

    private static final String[] MODULES = {
        "mpm_event",
        "authn_core",
        "authz_core",
        "authz_host",
        "unixd",
        "log_config",
        "mime",
        "headers",
        "setenvif",
        "rewrite",
        "proxy",
        "proxy_http"
    };

    public ApacheProxyContainer(String dockerImageName) {
        this(DockerImageName.parse(dockerImageName));
    }

    public ApacheProxyContainer(DockerImageName dockerImageName) {
        super(dockerImageName, MatrixImages.HTTPD);
    }

    @Override
    public ProxyKind proxyKind() {
        return ProxyKind.APACHE;
    }

    @Override
    protected Map<String, String> configFiles(String renderedConfig) {
        return Map.of(MAIN_CONFIG_PATH, mainConfig(), SITE_CONFIG_PATH, renderedConfig);
    }

    @Override
    protected String configTestCommand() {
        return "httpd -t";
    }

    @Override
    protected String serverCommand() {
        return "httpd-foreground";
    }

    static String mainConfig() {
        StringBuilder config = new StringBuilder()
                .append("# Written by the matrix-cors Testcontainers module; the site configuration is ")
                .append(SITE_CONFIG_PATH)
                .append(".\n")
                .append("ServerRoot \"")
                .append(SERVER_ROOT)
                .append("\"\n")
                .append("Listen 80\n\n");

        // A module that is built into the httpd binary must not be loaded again, hence the guards.
        for (String module : MODULES) {
            config.append("<IfModule !")
                    .append(module)
                    .append("_module>\n    LoadModule ")
                    .append(module)
                    .append("_module modules/mod_")
                    .append(module)
                    .append(".so\n</IfModule>\n");
        }

        config.append("""

                User daemon
                Group daemon
                ServerName localhost
                PidFile /tmp/httpd.pid
                ErrorLog /proc/self/fd/2
                LogLevel warn
                LogFormat "%h %l %u %t \\"%r\\" %>s %b" common
                CustomLog /proc/self/fd/1 common
                TypesConfig conf/mime.types

                <Directory />
                    AllowOverride None
                    Require all denied
                </Directory>

                Include conf/matrix-cors.conf
                """);
        return config.toString();
    }
}
