package io.github.matrixcors.testcontainers;

import io.github.matrixcors.cors.ProxyKind;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.testcontainers.containers.Network;

/** One Synapse with one proxy per preset in front of it, all on one network, so a test class pays one Synapse start. */
final class PresetFixture implements AutoCloseable {

    final Network network = ContainerCleanup.newNetwork();

    final SynapseContainer synapse = new SynapseContainer(MatrixImages.synapse())
            .withNetwork(network)
            .withNetworkAliases(MatrixStack.HOMESERVER_ALIAS);

    final Map<ProxyPreset, ProxyContainer<?>> proxies = new EnumMap<>(ProxyPreset.class);

    PresetFixture(ProxyKind kind, List<ProxyPreset> presets) {
        for (ProxyPreset preset : presets) {
            ProxyContainer<?> proxy = MatrixStack.newProxy(kind).withPreset(preset);
            proxy.withNetwork(network).frontHomeserver(synapse);
            proxies.put(preset, proxy);
        }
    }

    PresetFixture start() {
        CompletableFuture<Void> synapseStarted = CompletableFuture.runAsync(synapse::start);
        CompletableFuture.anyOf(synapse.runningFuture(), synapseStarted).join();
        List<CompletableFuture<Void>> starts = new ArrayList<>();
        starts.add(synapseStarted);
        for (ProxyContainer<?> proxy : proxies.values()) {
            starts.add(CompletableFuture.runAsync(proxy::start));
        }
        try {
            CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
        } catch (RuntimeException e) {
            close();
            throw e;
        }
        return this;
    }

    ProxyContainer<?> proxy(ProxyPreset preset) {
        return proxies.get(preset);
    }

    @Override
    public void close() {
        proxies.values().forEach(ProxyContainer::stop);
        synapse.stop();
        network.close();
    }
}
