package io.github.matrixcors.examples.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.matrixcors.MatrixAccount;
import io.github.matrixcors.cors.BrowserProfile;
import io.github.matrixcors.cors.ProxyKind;
import io.github.matrixcors.http.Probe;
import io.github.matrixcors.testcontainers.MatrixImages;
import io.github.matrixcors.testcontainers.MatrixStack;
import io.github.matrixcors.testcontainers.ProxyContainer;
import io.github.matrixcors.testcontainers.ProxyPreset;
import io.github.matrixcors.testcontainers.SynapseContainer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.testcontainers.containers.Network;

/**
 * Runs a Matrix web client's calls from real Chromium against Synapse behind every preset of nginx, Caddy and Apache
 * httpd, judges the same requests with the engine's Chromium profile, and requires both to reach the same outcome.
 *
 * <p>One Synapse serves every proxy: each preset starts only its proxy container, which takes about a second, while
 * Synapse takes ten or more. All calls of one preset run concurrently in one browser session. The full table is
 * printed after the last preset.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProxyAgreementTest {

    private static final String HOMESERVER_ALIAS = MatrixStack.HOMESERVER_ALIAS;

    private Network network;
    private SynapseContainer synapse;
    private MatrixAccount account;
    private String mediaPath;
    private HeadlessChromium chromium;
    private Probe probe;
    private final List<AgreementRow> rows = new ArrayList<>();

    @BeforeAll
    void startSynapseAndChromium() throws IOException, InterruptedException {
        network = Network.newNetwork();
        synapse = new SynapseContainer(MatrixImages.synapse())
                .withNetwork(network)
                .withNetworkAliases(HOMESERVER_ALIAS)
                // Synapse serves /.well-known/matrix/client only when public_baseurl is set; the value is only
                // written into that file, never contacted.
                .withConfig("public_baseurl", "http://localhost:8008/");
        synapse.start();
        account = synapse.registerUser("browser");
        mediaPath = uploadMedia(synapse.baseUri(), account);

        chromium = new HeadlessChromium();
        probe = Probe.withDefaults();
    }

    @AfterAll
    void stopEverything() {
        System.out.println(AgreementTable.format(rows));
        if (probe != null) {
            probe.close();
        }
        if (chromium != null) {
            chromium.close();
        }
        if (synapse != null) {
            synapse.stop();
        }
        if (network != null) {
            network.close();
        }
    }

    @TestFactory
    Stream<DynamicTest> engineAgreesWithChromium() {
        return Stream.of(ProxyKind.values())
                .flatMap(proxy -> ProxyPreset.supportedBy(proxy).stream()
                        .map(preset -> DynamicTest.dynamicTest(
                                proxy.displayName() + " " + preset, () -> checkAgreement(proxy, preset))));
    }

    private void checkAgreement(ProxyKind proxyKind, ProxyPreset preset) {
        List<AgreementRow> presetRows = new ArrayList<>();
        try (ProxyContainer<?> proxy = MatrixStack.newProxy(proxyKind)) {
            proxy.withNetwork(network)
                    .withHomeserverAddress(synapse.getInternalAddress(HOMESERVER_ALIAS))
                    .withPreset(preset);
            proxy.start();

            List<BrowserCall> calls = MatrixBrowserCalls.forHomeserver(chromium, proxy.baseUri(), account, mediaPath);
            for (BrowserOutcome outcome : chromium.run(calls)) {
                EngineJudgement engine = EngineJudgement.judge(
                        probe, BrowserProfile.CHROMIUM, outcome.call().request());
                presetRows.add(new AgreementRow(proxyKind.displayName(), preset.name(), engine, outcome));
            }
        }
        rows.addAll(presetRows);

        String disagreements = presetRows.stream()
                .filter(row -> !row.agrees())
                .map(AgreementRow::explain)
                .collect(Collectors.joining("\n\n"));
        assertTrue(
                disagreements.isEmpty(),
                "the engine and Chromium disagree:\n" + disagreements + "\n\n" + AgreementTable.format(presetRows));
    }

    // Uploads a small file directly to Synapse, so the authenticated media download has something to return.
    private static String uploadMedia(URI synapseUri, MatrixAccount account) throws IOException, InterruptedException {
        HttpRequest upload = HttpRequest.newBuilder(synapseUri.resolve("/_matrix/media/v3/upload?filename=check.txt"))
                .header("Authorization", "Bearer " + account.accessToken())
                .header("Content-Type", "text/plain")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString("matrix-cors browser check"))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(upload, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(
                    "media upload to " + synapseUri + " failed: " + response.statusCode() + " " + response.body());
        }
        JsonNode body = new ObjectMapper().readTree(response.body());
        String contentUri = body.path("content_uri").asText();
        if (!contentUri.startsWith("mxc://")) {
            throw new IllegalStateException("media upload returned no mxc:// content_uri: " + response.body());
        }
        return contentUri.substring("mxc://".length());
    }
}
