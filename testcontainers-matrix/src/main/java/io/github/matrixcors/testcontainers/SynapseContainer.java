package io.github.matrixcors.testcontainers;

import com.github.dockerjava.api.command.InspectContainerResponse;
import io.github.matrixcors.MatrixAccount;
import io.github.matrixcors.MatrixHomeserver;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * A Synapse homeserver in a container, configured for tests: SQLite, no federation, relaxed rate limits, fresh secrets
 * and signing key per instance, and shared-secret registration for {@link #registerUser(String)}.
 *
 * <pre>{@code
 * try (SynapseContainer synapse = new SynapseContainer(MatrixImages.synapse())) {
 *     synapse.start();
 *     MatrixAccount alice = synapse.registerUser("alice");
 * }
 * }</pre>
 *
 * <p>The container writes its own {@code /data/homeserver.yaml}; {@link #withConfig(String, Object)} replaces any
 * top-level key of it. Synapse's log goes to SLF4J under this class's logger name: its warnings at WARN, its errors at
 * ERROR and everything else at DEBUG.
 */
public class SynapseContainer extends GenericContainer<SynapseContainer> implements MatrixHomeserver {

    /** Network alias under which proxies on the same network reach the homeserver. */
    public static final String DEFAULT_NETWORK_ALIAS = "synapse";

    private static final Logger LOG = LoggerFactory.getLogger(SynapseContainer.class);

    private final SynapseConfig config = new SynapseConfig("localhost");

    private volatile CompletableFuture<Void> running = new CompletableFuture<>();

    private final DockerImageName image;

    private final ContainerLogConsumer log = new ContainerLogConsumer(LOG, StartupFailure.LOG_TAIL_LINES);

    public SynapseContainer(String dockerImageName) {
        this(DockerImageName.parse(dockerImageName));
    }

    /**
     * Creates a Synapse container from {@code dockerImageName}, usually {@link MatrixImages#synapse()}.
     *
     * @throws IllegalStateException when the image is neither {@code matrixdotorg/synapse} nor declared a
     *     compatible substitute for it with {@code asCompatibleSubstituteFor}
     */
    public SynapseContainer(DockerImageName dockerImageName) {
        super(dockerImageName);
        dockerImageName.assertCompatibleWith(MatrixImages.SYNAPSE);
        this.image = dockerImageName;

        withExposedPorts(SynapseConfig.HTTP_PORT);
        withLabels(ContainerCleanup.labels());
        waitingFor(new HttpAnswerWaitStrategy("/health", 200).withStartupTimeout(Duration.ofMinutes(2)));
        withLogConsumer(log);
    }

    /** Sets the server name, the domain part of user ids; the default is {@code localhost}. */
    public SynapseContainer withServerName(String serverName) {
        config.put("server_name", serverName);
        return self();
    }

    /**
     * Sets a top-level key of {@code homeserver.yaml}, replacing the module's default for it. The value is written as
     * YAML: maps, lists, strings, numbers and booleans. {@code null} removes the key.
     *
     * <pre>{@code
     * synapse.withConfig("max_upload_size", "1M");
     * }</pre>
     */
    public SynapseContainer withConfig(String key, Object value) {
        if (key == null || key.isBlank()) {
            throw new IllegalArgumentException("The config key must be a top-level key of homeserver.yaml, not blank");
        }
        config.put(key, value);
        return self();
    }

    /** Returns the server name, the domain part of user ids. */
    public String getServerName() {
        return config.serverName();
    }

    /** Returns the configuration as it is written to {@code /data/homeserver.yaml}. */
    public String getHomeserverYaml() {
        return config.toYaml();
    }

    @Override
    protected void configure() {
        if (config.get("server_name") == null) {
            throw new IllegalStateException(
                    "homeserver.yaml needs a server_name: call withServerName(\"localhost\") instead of removing it");
        }

        // The official image's start.py runs Synapse as uid 991 unless UID and GID are set. /data belongs to root
        // there, so Synapse runs as root to write its database next to the copied configuration.
        withEnv("UID", "0");
        withEnv("GID", "0");
        withEnv("SYNAPSE_CONFIG_PATH", SynapseConfig.CONFIG_PATH);
        withCopyToContainer(Transferable.of(config.toYaml()), SynapseConfig.CONFIG_PATH);
        withCopyToContainer(Transferable.of(config.signingKey()), SynapseConfig.SIGNING_KEY_PATH);
    }

    /** Fails fast when the image is a local one that is missing from the Docker engine. */
    void checkBeforeStart() {
        MatrixImages.requireLocalImagePresent(image);
    }

    @Override
    public void start() {
        try {
            checkBeforeStart();
        } catch (RuntimeException e) {
            running.completeExceptionally(e);
            throw e;
        }
        try {
            super.start();
        } catch (RuntimeException e) {
            running.completeExceptionally(e);
            throw StartupFailure.describe(
                    this,
                    "Synapse homeserver",
                    image,
                    log.tail(2000),
                    e,
                    null,
                    "Check the homeserver.yaml overrides made with withConfig(...).");
        }
    }

    /** Stops and removes the container; a later {@link #start()} reports its own running state again. */
    @Override
    public void stop() {
        super.stop();
        running = new CompletableFuture<>();
    }

    @Override
    protected void containerIsStarting(InspectContainerResponse containerInfo) {
        running.complete(null);
    }

    @Override
    protected void containerIsStarted(InspectContainerResponse containerInfo) {
        LOG.info("Synapse {} is ready at {}", getServerName(), baseUri());
    }

    /**
     * Returns a future that completes as soon as the container runs, before Synapse responds. A proxy can start then,
     * because it resolves the homeserver's address per request.
     */
    CompletableFuture<Void> runningFuture() {
        return running;
    }

    @Override
    public boolean isRunning() {
        return super.isRunning();
    }

    /** Returns the homeserver's address on the host, for example {@code http://localhost:32768}. */
    @Override
    public URI baseUri() {
        return URI.create("http://" + getHost() + ":" + getMappedPort(SynapseConfig.HTTP_PORT));
    }

    /** Returns the address under which containers on the same network reach the homeserver, {@code host:8008}. */
    public String getInternalAddress(String networkAlias) {
        return networkAlias + ":" + SynapseConfig.HTTP_PORT;
    }

    @Override
    public boolean supportsRegistration() {
        return config.registrationSharedSecret() != null;
    }

    /**
     * Registers a user through Synapse's shared-secret registration API and returns its access token.
     *
     * @param localpart the user id's local part, for example {@code alice}
     * @throws IllegalStateException if the container is not running, or if the registration shared secret was removed
     */
    @Override
    public MatrixAccount registerUser(String localpart) {
        if (!isRunning()) {
            throw new IllegalStateException("Start the SynapseContainer before calling registerUser(\"" + localpart
                    + "\"): the registration API needs the running homeserver");
        }
        String secret = config.registrationSharedSecret();
        if (secret == null) {
            throw new IllegalStateException("registerUser needs registration_shared_secret in homeserver.yaml; "
                    + "do not remove it with withConfig(\"registration_shared_secret\", null)");
        }
        return new SharedSecretRegistration(baseUri(), secret).register(localpart);
    }
}
