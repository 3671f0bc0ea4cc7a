package io.github.matrixcors.examples.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.matrixcors.MatrixAccount;
import io.github.matrixcors.cors.BrowserProfile;
import io.github.matrixcors.cors.BrowserRequest;
import io.github.matrixcors.cors.ProxyKind;
import io.github.matrixcors.http.Probe;
import io.github.matrixcors.matrix.Endpoint;
import io.github.matrixcors.matrix.EndpointCatalogue;
import io.github.matrixcors.matrix.ErrorEndpoints;
import io.github.matrixcors.matrix.WebClientRequests;
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
 * httpd, judges the same requests with the engine's Chromium profile, and requires both to reach the same outcome. The
 * calls are seven typical ones (with a real token, a real media file and the well-known file) and then the request
 * {@code MatrixCorsChecker} makes for every endpoint of the catalogue.
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
    private final List<String> catalogueSummaries = new ArrayList<>();

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
        System.out.println("Every catalogue endpoint, as the checker requests it:");
        catalogueSummaries.forEach(System.out::println);
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
        List<AgreementRow> catalogueRows = new ArrayList<>();
        try (ProxyContainer<?> proxy = MatrixStack.newProxy(proxyKind)) {
            proxy.withNetwork(network)
                    .withHomeserverAddress(synapse.getInternalAddress(HOMESERVER_ALIAS))
                    .withPreset(preset);
            proxy.start();

            List<BrowserCall> calls = MatrixBrowserCalls.forHomeserver(chromium, proxy.baseUri(), account, mediaPath);
            presetRows.addAll(judgeBoth(proxyKind, preset, calls));
            catalogueRows.addAll(judgeBoth(proxyKind, preset, catalogueCalls(proxy.baseUri())));
        }
        rows.addAll(presetRows);
        catalogueSummaries.add(summarize(proxyKind, preset, catalogueRows));

        List<AgreementRow> disagreeing = new ArrayList<>();
        presetRows.stream().filter(row -> !row.agrees()).forEach(disagreeing::add);
        catalogueRows.stream().filter(row -> !row.agrees()).forEach(disagreeing::add);
        String explanations = disagreeing.stream().map(AgreementRow::explain).collect(Collectors.joining("\n\n"));
        assertTrue(
                disagreeing.isEmpty(),
                "the engine and Chromium disagree:\n" + explanations + "\n\n" + AgreementTable.format(presetRows));
    }

    private List<AgreementRow> judgeBoth(ProxyKind proxyKind, ProxyPreset preset, List<BrowserCall> calls) {
        List<AgreementRow> judged = new ArrayList<>();
        for (BrowserOutcome outcome : chromium.run(calls)) {
            EngineJudgement engine = EngineJudgement.judge(
                    probe, BrowserProfile.CHROMIUM, outcome.call().request());
            judged.add(new AgreementRow(proxyKind.displayName(), preset.name(), engine, outcome));
        }
        return judged;
    }

    // The request MatrixCorsChecker makes for each endpoint of the catalogue and each error endpoint, from the page's
    // origin. Mutating requests carry an invalid token, so they change nothing on the server.
    private List<BrowserCall> catalogueCalls(URI baseUri) {
        List<Endpoint> endpoints = new ArrayList<>(EndpointCatalogue.standard().endpoints());
        endpoints.addAll(ErrorEndpoints.all());
        List<BrowserCall> calls = new ArrayList<>();
        for (Endpoint endpoint : endpoints) {
            BrowserRequest checked =
                    WebClientRequests.forEndpoint(endpoint, baseUri, chromium.origin(), account.accessToken());
            BrowserRequest request = new BrowserRequest(
                    checked.method(),
                    chromium.uniqueUrl(checked.url()),
                    checked.origin(),
                    checked.headers(),
                    checked.credentials());
            boolean jsonBody =
                    request.method().equals("POST") || request.method().equals("PUT");
            calls.add(new BrowserCall(
                    endpoint.method() + " " + endpoint.pathTemplate(), request, jsonBody ? "{}" : null));
        }
        return calls;
    }

    private static String summarize(ProxyKind proxyKind, ProxyPreset preset, List<AgreementRow> catalogueRows) {
        long allowed = catalogueRows.stream()
                .filter(row -> row.agrees() && row.chromium().allowed())
                .count();
        long blocked = catalogueRows.stream()
                .filter(row -> row.agrees() && !row.chromium().allowed())
                .count();
        long reasonChecked = catalogueRows.stream()
                .filter(row -> row.agrees() && !row.chromium().allowed())
                .filter(row ->
                        ChromiumReasons.expectedRules(row.chromium().console()).isPresent())
                .count();
        long disagreements = catalogueRows.size() - allowed - blocked;
        return String.format(
                "  %-13s %-31s %d calls: %d allowed by both, %d blocked by both (%d with Chromium's reason matched),"
                        + " %d disagreements",
                proxyKind.displayName(), preset, catalogueRows.size(), allowed, blocked, reasonChecked, disagreements);
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
