package io.github.matrixcors.testcontainers;

import io.github.matrixcors.cors.ProxyKind;
import java.nio.file.Files;
import java.nio.file.Path;

/** Starts every preset of one proxy in front of one Synapse and keeps them running for manual requests. */
public final class PresetExplorer {

    public static void main(String[] args) throws Exception {
        ProxyKind kind = ProxyKind.valueOf(args[0]);
        Path stopFile = Path.of(args.length > 1 ? args[1] : "/tmp/preset-explorer.stop");
        try (PresetFixture fixture = new PresetFixture(kind, ProxyPreset.supportedBy(kind)).start()) {
            System.out.println("SYNAPSE " + fixture.synapse.baseUri());
            fixture.proxies.forEach((preset, proxy) -> System.out.println("PROXY " + preset + " " + proxy.baseUri()));
            System.out.println(
                    "TOKEN " + fixture.synapse.registerUser("explorer").accessToken());
            System.out.flush();
            while (!Files.exists(stopFile)) {
                Thread.sleep(500);
            }
            Files.delete(stopFile);
        }
    }
}
