package io.github.matrixcors.testcontainers;

import io.github.matrixcors.MatrixAccount;
import io.github.matrixcors.MatrixHomeserver;
import io.github.matrixcors.cors.ProxyKind;
import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.Network;
import org.testcontainers.lifecycle.Startable;

/**
 * Synapse behind a reverse proxy on a network of their own, started and stopped as one.
 *
 * <pre>{@code
 * try (MatrixStack stack = MatrixStack.synapseBehind(ProxyKind.NGINX, ProxyPreset.CORRECT)) {
 *     stack.start();
 *     URI proxy = stack.baseUri();
 * }
 * }</pre>
 *
 * <p>Synapse and the proxy start side by side: the proxy starts as soon as Synapse's container runs, because the
 * proxy resolves the homeserver's name per request, and {@link #start()} returns once a request through the proxy
 * reaches Synapse. To pay the start-up once for all test classes of a suite, use {@link #shared(ProxyKind,
 * ProxyPreset)}: each combination of proxy and preset starts once per JVM and is removed when the JVM exits.
 */
public final class MatrixStack implements Startable, MatrixHomeserver {

    /** Network alias of the homeserver; configurations reach it as {@code synapse:8008}. */
    public static final String HOMESERVER_ALIAS = SynapseContainer.DEFAULT_NETWORK_ALIAS;

    private static final Logger LOG = LoggerFactory.getLogger(MatrixStack.class);

    private static final Map<String, MatrixStack> SHARED = new ConcurrentHashMap<>();

    private static final Duration THROUGH_PROXY_TIMEOUT = Duration.ofSeconds(60);

    private final Network network;

    private final SynapseContainer synapse;

    private final ProxyContainer<?> proxy;

    private volatile boolean running;

    private volatile Duration lastStartDuration;

    /**
     * Puts the given containers on a new network: the homeserver with the alias {@value #HOMESERVER_ALIAS}, the proxy
     * in front of it.
     *
     * @throws IllegalArgumentException when either container was already given a network
     */
    public MatrixStack(SynapseContainer synapse, ProxyContainer<?> proxy) {
        this.synapse = Objects.requireNonNull(synapse, "synapse");
        this.proxy = Objects.requireNonNull(proxy, "proxy");
        if (synapse.getNetwork() != null || proxy.getNetwork() != null) {
            throw new IllegalArgumentException("MatrixStack creates the network itself; "
                    + "pass containers on which withNetwork(...) was not called");
        }
        this.network = ContainerCleanup.newNetwork();
        synapse.withNetwork(network).withNetworkAliases(HOMESERVER_ALIAS);
        proxy.withNetwork(network).frontHomeserver(synapse);
    }

    /**
     * Creates Synapse behind the given proxy with one of the module's presets, using {@link MatrixImages}. A preset
     * that this proxy lacks, such as {@link ProxyPreset#BROKEN_LOST_INHERITANCE} outside nginx, fails in
     * {@link #start()} with an {@link IllegalArgumentException}.
     */
    public static MatrixStack synapseBehind(ProxyKind proxyKind, ProxyPreset preset) {
        ProxyContainer<?> proxy = newProxy(proxyKind);
        proxy.withPreset(preset);
        return new MatrixStack(new SynapseContainer(MatrixImages.synapse()), proxy);
    }

    /**
     * Returns a started stack shared by every caller in this JVM that requests the same proxy and preset, so that a
     * suite of test classes pays the start-up once. Do not stop it: the module removes it when the JVM exits.
     */
    public static MatrixStack shared(ProxyKind proxyKind, ProxyPreset preset) {
        MatrixStack stack = SHARED.computeIfAbsent(proxyKind + "/" + preset, key -> synapseBehind(proxyKind, preset));
        synchronized (stack) {
            stack.start();
        }
        return stack;
    }

    /** Creates a proxy container of the given kind with the image {@link MatrixImages} selects. */
    public static ProxyContainer<?> newProxy(ProxyKind proxyKind) {
        return switch (proxyKind) {
            case NGINX -> new NginxProxyContainer(MatrixImages.nginx());
            case CADDY -> new CaddyProxyContainer(MatrixImages.caddy());
            case APACHE -> new ApacheProxyContainer(MatrixImages.httpd());
        };
    }

    @Override
    public synchronized void start() {
        if (running) {
            return;
        }
        synapse.checkBeforeStart();
        proxy.checkBeforeStart();
        long started = System.nanoTime();
        CompletableFuture<Void> synapseStarted = CompletableFuture.runAsync(synapse::start);
        try {
            // Waiting for the container, not for Synapse, keeps the proxy's first lookup of the homeserver's name
            // inside Docker's DNS: the name exists as soon as the container runs.
            CompletableFuture.anyOf(synapse.runningFuture(), synapseStarted).join();
            proxy.start();
            synapseStarted.join();
            awaitHomeserverThroughProxy();
        } catch (RuntimeException e) {
            RuntimeException failure = unwrap(e);
            try {
                synapseStarted.join();
            } catch (RuntimeException synapseFailure) {
                if (unwrap(synapseFailure) != failure) {
                    failure.addSuppressed(unwrap(synapseFailure));
                }
            }
            stop();
            throw failure;
        }
        running = true;
        lastStartDuration = Duration.ofNanos(System.nanoTime() - started);
        LOG.info(
                "Synapse behind {} ({}) is ready at {} after {} ms",
                proxy.proxyKind().displayName(),
                proxy.getConfigName(),
                baseUri(),
                lastStartDuration.toMillis());
    }

    /** Stops the proxy and Synapse and removes their network. */
    @Override
    public synchronized void stop() {
        running = false;
        try {
            proxy.stop();
        } finally {
            try {
                synapse.stop();
            } finally {
                network.close();
            }
        }
    }

    @Override
    public void close() {
        stop();
    }

    @Override
    public boolean isRunning() {
        return running && proxy.isRunning() && synapse.isRunning();
    }

    /** Returns the proxy's address on the host: the URL a browser-based client would be configured with. */
    @Override
    public URI baseUri() {
        return proxy.baseUri();
    }

    @Override
    public boolean supportsRegistration() {
        return synapse.supportsRegistration();
    }

    /** Returns the proxy's kind, so that the JUnit extension's failure messages show only its fix hints. */
    @Override
    public Optional<ProxyKind> proxyKind() {
        return Optional.of(proxy.proxyKind());
    }

    /** Registers a user directly at Synapse; the account works through the proxy as well. */
    @Override
    public MatrixAccount registerUser(String localpart) {
        return synapse.registerUser(localpart);
    }

    public SynapseContainer getSynapse() {
        return synapse;
    }

    public ProxyContainer<?> getProxy() {
        return proxy;
    }

    public Network getNetwork() {
        return network;
    }

    /** Returns everything Synapse has written to its output so far. */
    public String getSynapseLogs() {
        return synapse.getLogs();
    }

    /** Returns everything the proxy has written to its output so far, its access log included. */
    public String getProxyLogs() {
        return proxy.getLogs();
    }

    /** Returns how long the last {@link #start()} took, or {@code null} before the first start. */
    public Duration getLastStartDuration() {
        return lastStartDuration;
    }

    /** Waits until a request through the proxy reaches Synapse rather than ending in the proxy's 502, 503 or 504. */
    private void awaitHomeserverThroughProxy() {
        URI versions = baseUri().resolve("/_matrix/client/versions");
        long deadline = System.nanoTime() + THROUGH_PROXY_TIMEOUT.toNanos();
        String last = "no attempt made";
        while (System.nanoTime() < deadline) {
            try {
                HttpURLConnection connection =
                        (HttpURLConnection) versions.toURL().openConnection();
                connection.setInstanceFollowRedirects(false);
                connection.setConnectTimeout(1000);
                connection.setReadTimeout(5000);
                int status = connection.getResponseCode();
                connection.disconnect();
                if (status < 502 || status > 504) {
                    return;
                }
                last = "HTTP " + status;
            } catch (IOException e) {
                last = e.toString();
            }
            try {
                TimeUnit.MILLISECONDS.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for " + versions, e);
            }
        }
        throw new IllegalStateException("Synapse is running, but " + versions + " through the "
                + proxy.proxyKind().displayName() + " proxy did not reach it within "
                + THROUGH_PROXY_TIMEOUT.toSeconds()
                + " s (last answer: " + last + "). Check that " + proxy.getConfigName() + " proxies /_matrix to "
                + ProxyContainer.HOMESERVER_PLACEHOLDER + ".\nLast lines of the proxy's log:\n"
                + proxy.logTail());
    }

    private static RuntimeException unwrap(RuntimeException e) {
        if (e instanceof CompletionException && e.getCause() instanceof RuntimeException cause) {
            return cause;
        }
        return e;
    }
}
