package io.github.matrixcors.testcontainers;

import io.github.matrixcors.cors.ProxyKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.DockerImageName;

/**
 * A reverse proxy in front of a homeserver, reached by network alias on a shared Docker network. The proxy's
 * configuration is a {@link ProxyPreset} or the user's own file; either may contain the placeholder
 * {@value #HOMESERVER_PLACEHOLDER}, which becomes the homeserver's {@code host:port} on the network, for example
 * {@code synapse:8008}. The configuration is checked with the proxy's own test command before the server starts, so an
 * invalid file fails the start at once with the proxy's message and line number.
 *
 * @param <SELF> the concrete container type, for fluent setters
 */
public abstract class ProxyContainer<SELF extends ProxyContainer<SELF>> extends GenericContainer<SELF> {

    /** Placeholder in a configuration file for the homeserver's {@code host:port} on the Docker network. */
    public static final String HOMESERVER_PLACEHOLDER = "{{homeserver}}";

    /** Port the proxy listens on inside the container; every preset and user file must listen on it. */
    public static final int HTTP_PORT = 80;

    /** Line the start command prints to standard error when the configuration test fails. */
    static final String CHECK_FAILED_MARKER = "matrix-cors: configuration test failed";

    /**
     * How long to wait for the proxy's first HTTP answer. Any status counts, so the wait does not depend on the
     * homeserver: nginx, Caddy and Apache httpd answer within a few seconds even on a busy machine.
     */
    private static final Duration STARTUP_TIMEOUT = Duration.ofSeconds(30);

    private static final Pattern UNKNOWN_PLACEHOLDER = Pattern.compile("\\{\\{[^}]*}}");

    private final DockerImageName image;

    private final ContainerLogConsumer log =
            new ContainerLogConsumer(LoggerFactory.getLogger(getClass()), StartupFailure.LOG_TAIL_LINES);

    private String homeserverAddress;

    private String configName;

    private String configTemplate;

    /** The reason the selected configuration cannot be used, reported by {@link #start()}, or {@code null}. */
    private String configError;

    protected ProxyContainer(DockerImageName image, DockerImageName official) {
        super(image);
        image.assertCompatibleWith(official);
        this.image = image;

        withExposedPorts(HTTP_PORT);
        withLabels(ContainerCleanup.labels());
        waitingFor(new HttpAnswerWaitStrategy("/_matrix/client/versions", HttpAnswerWaitStrategy.ANY_STATUS)
                .withStartupTimeout(STARTUP_TIMEOUT));
        withLogConsumer(log);
        withPreset(ProxyPreset.CORRECT);
    }

    /** Returns which proxy this container runs. */
    public abstract ProxyKind proxyKind();

    /** Returns the files to copy into the container: the rendered site configuration plus any main file around it. */
    protected abstract Map<String, String> configFiles(String renderedConfig);

    /** Returns the shell command that tests the configuration and exits non-zero when it is invalid. */
    protected abstract String configTestCommand();

    /** Returns the shell command that runs the server in the foreground; the start command {@code exec}s it. */
    protected abstract String serverCommand();

    /**
     * Puts this proxy in front of a Synapse container and starts Synapse first. The proxy joins Synapse's network
     * unless it has one already, and uses the last network alias of the container.
     *
     * @throws IllegalStateException when Synapse has no network or no alias (give it both with
     *     {@code withNetwork(network).withNetworkAliases("synapse")}), or the proxy is on another network
     */
    public SELF withHomeserver(SynapseContainer synapse) {
        frontHomeserver(synapse);
        dependsOn(synapse);
        return self();
    }

    /**
     * Fronts the homeserver without waiting for it: the proxy resolves the homeserver's name per request, so both can
     * start at the same time.
     */
    SELF frontHomeserver(SynapseContainer synapse) {
        List<String> aliases = synapse.getNetworkAliases();
        if (synapse.getNetwork() == null || aliases.isEmpty()) {
            throw new IllegalStateException("Put the SynapseContainer on a network with an alias before passing it: "
                    + "synapse.withNetwork(network).withNetworkAliases(\"synapse\")");
        }
        if (getNetwork() == null) {
            withNetwork(synapse.getNetwork());
        } else if (getNetwork() != synapse.getNetwork()) {
            throw new IllegalStateException("The proxy and the SynapseContainer are on different networks; "
                    + "call withNetwork(...) on both with the same Network");
        }
        homeserverAddress = synapse.getInternalAddress(aliases.get(aliases.size() - 1));
        return self();
    }

    /**
     * Sets the homeserver's {@code host:port} as the proxy reaches it on the Docker network, for a homeserver that is
     * not a {@link SynapseContainer}, for example {@code "dendrite:8008"}.
     */
    public SELF withHomeserverAddress(String hostAndPort) {
        if (hostAndPort == null || !hostAndPort.matches("[A-Za-z0-9._-]+:[0-9]{1,5}")) {
            throw new IllegalArgumentException(
                    "Invalid homeserver address '" + hostAndPort + "': expected host:port, for example synapse:8008");
        }
        homeserverAddress = hostAndPort;
        return self();
    }

    /**
     * Uses one of the module's ready-made configurations; the default is {@link ProxyPreset#CORRECT}. A preset that
     * does not exist for this proxy fails in {@link #start()} with an {@link IllegalArgumentException}, so that a
     * static field holding the container never fails while its class initializes.
     */
    public SELF withPreset(ProxyPreset preset) {
        Objects.requireNonNull(preset, "preset");
        if (!preset.supports(proxyKind())) {
            configName = "preset " + preset;
            configTemplate = null;
            configError = "Preset " + preset + " does not exist for "
                    + proxyKind().displayName() + "; available: " + ProxyPreset.supportedBy(proxyKind());
            return self();
        }
        configName = "preset " + preset + " (classpath:" + preset.resource(proxyKind()) + ")";
        configTemplate = readResource(preset.resource(proxyKind()));
        configError = null;
        return self();
    }

    /**
     * Uses the user's own configuration file. See the proxy class for what the file contains; it may use
     * {@value #HOMESERVER_PLACEHOLDER} wherever the homeserver's {@code host:port} belongs.
     */
    public SELF withConfigFile(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("Proxy configuration file not found: " + file.toAbsolutePath());
        }
        try {
            configTemplate = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read proxy configuration file " + file.toAbsolutePath(), e);
        }
        configName = "file " + file.toAbsolutePath();
        configError = null;
        return self();
    }

    /** Uses a configuration file from the classpath, for example {@code "proxy/matrix.conf"} under test resources. */
    public SELF withConfigResource(String classpathResource) {
        configTemplate = readResource(classpathResource);
        configName = "classpath:" + classpathResource;
        configError = null;
        return self();
    }

    /** Returns the proxy's address on the host, for example {@code http://localhost:32770}. */
    public URI baseUri() {
        return URI.create("http://" + getHost() + ":" + getMappedPort(HTTP_PORT));
    }

    /** Returns where the configuration came from, for messages. */
    public String getConfigName() {
        return configName;
    }

    /** Returns the configuration with the placeholder replaced, as the proxy receives it. */
    public String getRenderedConfig() {
        if (configError != null) {
            throw new IllegalArgumentException(configError);
        }
        if (homeserverAddress == null) {
            throw new IllegalStateException(
                    "No homeserver for the " + proxyKind().displayName() + " proxy: call "
                            + "withHomeserver(synapseContainer) or withHomeserverAddress(\"synapse:8008\") before starting it");
        }
        String rendered = configTemplate.replace(HOMESERVER_PLACEHOLDER, homeserverAddress);
        Matcher unknown = UNKNOWN_PLACEHOLDER.matcher(rendered);
        if (unknown.find()) {
            throw new IllegalStateException("Unknown placeholder " + unknown.group() + " in " + configName
                    + "; the only " + "placeholder is " + HOMESERVER_PLACEHOLDER);
        }
        return rendered;
    }

    /**
     * Returns a warning when the configuration never names the homeserver through {@value #HOMESERVER_PLACEHOLDER},
     * or {@code null} when it does. A production file copied unchanged proxies to an address such as
     * {@code 127.0.0.1:8008}, which inside the container reaches nothing, so every proxied request gets a 502.
     */
    String missingPlaceholderWarning() {
        if (configTemplate == null || configTemplate.contains(HOMESERVER_PLACEHOLDER)) {
            return null;
        }
        return configName + " has no " + HOMESERVER_PLACEHOLDER + " placeholder, so the "
                + proxyKind().displayName()
                + " proxy reaches the homeserver container only if the file names it (" + homeserverAddress
                + "). Write " + HOMESERVER_PLACEHOLDER + " where the file proxies to the homeserver, for example in"
                + " place of 127.0.0.1:8008; otherwise expect 502 Bad Gateway on every proxied request.";
    }

    @Override
    protected void configure() {
        if (getNetwork() == null) {
            throw new IllegalStateException(
                    "The " + proxyKind().displayName() + " proxy needs a network shared with the "
                            + "homeserver: call withHomeserver(synapseContainer) or withNetwork(network)");
        }
        configFiles(getRenderedConfig())
                .forEach((path, content) -> withCopyToContainer(Transferable.of(content), path));
        String placeholderWarning = missingPlaceholderWarning();
        if (placeholderWarning != null) {
            LoggerFactory.getLogger(getClass()).warn(placeholderWarning);
        }

        // Test first, so that an invalid configuration ends the container with the proxy's own message.
        String startCommand = configTestCommand() + " || { echo '" + CHECK_FAILED_MARKER + "' >&2; exit 78; }; exec "
                + serverCommand();
        withCreateContainerCmdModifier(cmd -> cmd.withEntrypoint("/bin/sh", "-c"));
        setCommand(new String[] {startCommand});
    }

    /**
     * Fails fast on what needs no container: a preset that does not exist for this proxy, and a local image that is
     * missing from the Docker engine.
     */
    void checkBeforeStart() {
        if (configError != null) {
            throw new IllegalArgumentException(configError);
        }
        MatrixImages.requireLocalImagePresent(image);
    }

    @Override
    public void start() {
        checkBeforeStart();
        try {
            super.start();
        } catch (RuntimeException e) {
            String logTail = log.tail(2000);
            boolean rejected = logTail.contains(CHECK_FAILED_MARKER);
            String reason = rejected
                    ? "the configuration test rejected " + configName + " (" + configTestCommand() + ")"
                    : null;
            String hint = rejected
                    ? null
                    : "Configuration: " + configName + ". The site configuration must listen on port " + HTTP_PORT
                            + ", the port the container exposes, with " + listenExample() + ".";
            throw StartupFailure.describe(this, proxyKind().displayName() + " proxy", image, logTail, e, reason, hint);
        }
    }

    private String listenExample() {
        return switch (proxyKind()) {
            case NGINX -> "'listen 80;'";
            case CADDY -> "a site address such as ':80' or 'http://'";
            case APACHE -> "'<VirtualHost *:80>' (the main file already has 'Listen 80')";
        };
    }

    /** Returns the last lines the proxy wrote, also after the container is gone. */
    String logTail() {
        return log.tail(0);
    }

    @Override
    protected void containerIsStarted(com.github.dockerjava.api.command.InspectContainerResponse containerInfo) {
        Logger log = LoggerFactory.getLogger(getClass());
        log.info("{} proxy with {} is ready at {}", proxyKind().displayName(), configName, baseUri());
    }

    private static String readResource(String name) {
        String path = name.startsWith("/") ? name.substring(1) : name;
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        if (loader == null) {
            loader = ProxyContainer.class.getClassLoader();
        }
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("Proxy configuration resource not found on the classpath: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Failed to read proxy configuration resource " + name, e);
        }
    }
}
