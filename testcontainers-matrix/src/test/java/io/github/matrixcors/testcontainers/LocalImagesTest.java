package io.github.matrixcors.testcontainers;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.startupcheck.OneShotStartupCheckStrategy;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * Starts each image that {@code images/build.sh} builds with its default command and checks that it serves requests
 * the way the official image does. Runs only when the local images are selected ({@code MATRIXCORS_IMAGES=local} or
 * {@code -Dmatrixcors.images=local}).
 */
class LocalImagesTest {

    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(90);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void requireLocalImages() {
        assumeTrue(
                MatrixImages.localImagesSelected(),
                "local images not selected: set MATRIXCORS_IMAGES=local or -Dmatrixcors.images=local");
    }

    @Test
    void synapseAnswersHealthAndVersions() throws Exception {
        try (GenericContainer<?> synapse = new GenericContainer<>(MatrixImages.synapse())
                .withExposedPorts(8008)
                .withCopyToContainer(Transferable.of(HOMESERVER_YAML), "/data/homeserver.yaml")
                .waitingFor(Wait.forHttp("/health").forPort(8008).forStatusCode(200))
                .withStartupTimeout(STARTUP_TIMEOUT)) {
            synapse.start();

            HttpResponse<String> health = get(synapse, 8008, "/health");
            assertThat(health.statusCode(), is(200));
            assertThat(health.body(), is("OK"));

            HttpResponse<String> versions = get(synapse, 8008, "/_matrix/client/versions");
            assertThat(versions.statusCode(), is(200));
            assertThat(versions.headers().firstValue("Content-Type").orElse(""), startsWith("application/json"));
            JsonNode body = new ObjectMapper().readTree(versions.body());
            List<String> specVersions = new ArrayList<>();
            body.path("versions").forEach(version -> specVersions.add(version.asText()));
            assertThat(specVersions, hasItem("v1.1"));
            assertThat(specVersions, hasItem("r0.6.1"));
        }
    }

    @Test
    void synapseRunsAsUid991() throws Exception {
        try (GenericContainer<?> synapse = new GenericContainer<>(MatrixImages.synapse())
                .withExposedPorts(8008)
                .withCopyToContainer(Transferable.of(HOMESERVER_YAML), "/data/homeserver.yaml")
                .waitingFor(Wait.forHttp("/health").forPort(8008).forStatusCode(200))
                .withStartupTimeout(STARTUP_TIMEOUT)) {
            synapse.start();

            // Synapse created its database and signing key in /data as the official image's user.
            ExecResult owners = synapse.execInContainer(
                    "stat", "-c", "%u %n", "/data/homeserver.db", "/data/localhost.signing.key");
            assertThat(owners.getExitCode(), is(0));
            assertThat(owners.getStdout(), is("991 /data/homeserver.db\n991 /data/localhost.signing.key\n"));
        }
    }

    @Test
    void synapseGeneratesConfig() {
        try (GenericContainer<?> synapse = new GenericContainer<>(MatrixImages.synapse())
                .withCommand("generate")
                .withEnv("SYNAPSE_SERVER_NAME", "matrix.test")
                .withEnv("SYNAPSE_REPORT_STATS", "no")
                .withStartupCheckStrategy(new OneShotStartupCheckStrategy().withTimeout(STARTUP_TIMEOUT))) {
            synapse.start();

            String config = synapse.copyFileFromContainer("/data/homeserver.yaml", LocalImagesTest::readUtf8);
            assertThat(config, containsString("server_name: \"matrix.test\""));
            assertThat(config, containsString("report_stats: false"));
            String signingKey =
                    synapse.copyFileFromContainer("/data/matrix.test.signing.key", LocalImagesTest::readUtf8);
            assertThat(signingKey, startsWith("ed25519 "));
        }
    }

    @Test
    void nginxServesDefaultPage() throws Exception {
        try (GenericContainer<?> nginx = proxy(MatrixImages.nginx())) {
            nginx.start();

            HttpResponse<String> page = get(nginx, 80, "/");
            assertThat(page.statusCode(), is(200));
            assertThat(page.body(), containsString("Welcome to nginx!"));
            assertThat(page.headers().firstValue("Server").orElse(""), startsWith("nginx"));
            assertThat(nginx.isRunning(), is(true));

            ExecResult test = nginx.execInContainer("nginx", "-t");
            assertThat(test.getStderr(), test.getExitCode(), is(0));
        }
    }

    @Test
    void nginxProxiesWithOwnConfig() throws Exception {
        try (GenericContainer<?> nginx =
                proxy(MatrixImages.nginx()).withCopyToContainer(Transferable.of(NGINX_CONF), "/etc/nginx/nginx.conf")) {
            nginx.start();

            HttpResponse<String> proxied = get(nginx, 80, "/proxied/");
            assertThat(proxied.statusCode(), is(200));
            assertThat(proxied.body(), is("upstream"));
            assertThat(proxied.headers().firstValue("X-Proxy").orElse(""), is("nginx"));
        }
    }

    @Test
    void caddyServesDefaultPage() throws Exception {
        try (GenericContainer<?> caddy = proxy(MatrixImages.caddy())) {
            caddy.start();

            HttpResponse<String> page = get(caddy, 80, "/");
            assertThat(page.statusCode(), is(200));
            assertThat(page.body(), containsString("Caddy works!"));
            assertThat(page.headers().firstValue("Server").orElse(""), is("Caddy"));
            assertThat(caddy.isRunning(), is(true));

            ExecResult validate = caddy.execInContainer(
                    "caddy", "validate", "--config", "/etc/caddy/Caddyfile", "--adapter", "caddyfile");
            assertThat(validate.getStderr(), validate.getExitCode(), is(0));
        }
    }

    @Test
    void caddyProxiesWithOwnConfig() throws Exception {
        try (GenericContainer<?> caddy =
                proxy(MatrixImages.caddy()).withCopyToContainer(Transferable.of(CADDYFILE), "/etc/caddy/Caddyfile")) {
            caddy.start();

            HttpResponse<String> proxied = get(caddy, 80, "/proxied");
            assertThat(proxied.statusCode(), is(200));
            assertThat(proxied.body(), is("upstream"));
            assertThat(proxied.headers().firstValue("X-Proxy").orElse(""), is("caddy"));
        }
    }

    @Test
    void httpdServesDefaultPage() throws Exception {
        try (GenericContainer<?> httpd = proxy(MatrixImages.httpd())) {
            httpd.start();

            HttpResponse<String> page = get(httpd, 80, "/");
            assertThat(page.statusCode(), is(200));
            assertThat(page.body(), containsString("It works!"));
            assertThat(page.headers().firstValue("Server").orElse(""), startsWith("Apache/2.4"));
            assertThat(httpd.isRunning(), is(true));

            ExecResult test = httpd.execInContainer("httpd", "-t");
            assertThat(test.getStderr(), test.getExitCode(), is(0));
        }
    }

    @Test
    void httpdProxiesWithOfficialStyleConfig() throws Exception {
        try (GenericContainer<?> httpd = proxy(MatrixImages.httpd())
                .withCopyToContainer(Transferable.of(HTTPD_CONF), "/usr/local/apache2/conf/httpd.conf")) {
            httpd.start();

            HttpResponse<String> proxied = get(httpd, 80, "/proxied/");
            assertThat(proxied.statusCode(), is(200));
            assertThat(proxied.body(), containsString("It works!"));
            assertThat(proxied.headers().firstValue("X-Proxy").orElse(""), is("httpd"));

            HttpResponse<String> rewritten = get(httpd, 80, "/old");
            assertThat(rewritten.statusCode(), is(302));
            assertThat(rewritten.headers().firstValue("Location").orElse(""), containsString("/index.html"));
        }
    }

    private static GenericContainer<?> proxy(DockerImageName image) {
        return new GenericContainer<>(image)
                .withExposedPorts(80)
                // Any HTTP response shows the server is up: Docker accepts connections on a mapped port even
                // when nothing listens behind it.
                .waitingFor(Wait.forHttp("/").forPort(80).forStatusCodeMatching(status -> true))
                .withStartupTimeout(STARTUP_TIMEOUT);
    }

    private static String readUtf8(InputStream stream) throws IOException {
        return new String(stream.readAllBytes(), StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(GenericContainer<?> container, int port, String path)
            throws IOException, InterruptedException {
        URI uri = URI.create("http://" + container.getHost() + ":" + container.getMappedPort(port) + path);
        HttpRequest request =
                HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static final String HOMESERVER_YAML = """
            server_name: localhost
            report_stats: false
            signing_key_path: /data/localhost.signing.key
            database:
              name: sqlite3
              args:
                database: /data/homeserver.db
            media_store_path: /data/media_store
            listeners:
              - port: 8008
                type: http
                tls: false
                bind_addresses: ['0.0.0.0']
                resources:
                  - names: [client]
                    compress: false
            """;

    /** Complete nginx.conf without a user line, as the proxy containers write it. */
    private static final String NGINX_CONF = """
            events {}
            http {
                server {
                    listen 8080;
                    location / { return 200 "upstream"; }
                }
                server {
                    listen 80;
                    location /proxied/ {
                        proxy_pass http://127.0.0.1:8080/;
                        add_header X-Proxy nginx always;
                    }
                }
            }
            """;

    private static final String CADDYFILE = """
            :8080 {
            	respond "upstream" 200
            }
            :80 {
            	header X-Proxy caddy
            	reverse_proxy /proxied 127.0.0.1:8080
            }
            """;

    /** Loads modules as the official image's configuration does, including the ones Debian compiles in. */
    private static final String HTTPD_CONF = """
            ServerRoot "/usr/local/apache2"
            Listen 80
            LoadModule mpm_event_module modules/mod_mpm_event.so
            LoadModule authz_core_module modules/mod_authz_core.so
            LoadModule mime_module modules/mod_mime.so
            LoadModule log_config_module modules/mod_log_config.so
            LoadModule headers_module modules/mod_headers.so
            LoadModule proxy_module modules/mod_proxy.so
            LoadModule proxy_http_module modules/mod_proxy_http.so
            LoadModule rewrite_module modules/mod_rewrite.so
            LoadModule unixd_module modules/mod_unixd.so
            LoadModule dir_module modules/mod_dir.so
            User daemon
            Group daemon
            ServerName localhost
            ErrorLog /proc/self/fd/2
            DocumentRoot "/usr/local/apache2/htdocs"
            <Directory "/usr/local/apache2/htdocs">
                Require all granted
            </Directory>
            DirectoryIndex index.html
            Header always set X-Proxy httpd
            RewriteEngine On
            RewriteRule "^/old$" "/index.html" [R=302,L]
            ProxyPass "/proxied/" "http://127.0.0.1:80/"
            """;
}
