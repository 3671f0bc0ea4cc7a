package io.github.matrixcors.examples.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.matrixcors.MatrixAccount;
import io.github.matrixcors.cors.Finding;
import io.github.matrixcors.cors.FixHint;
import io.github.matrixcors.cors.ProxyKind;
import io.github.matrixcors.cors.Severity;
import io.github.matrixcors.http.Hop;
import io.github.matrixcors.matrix.CheckResult;
import io.github.matrixcors.matrix.CheckSummary;
import io.github.matrixcors.matrix.MatrixCorsChecker;
import io.github.matrixcors.matrix.MatrixRules;
import io.github.matrixcors.testcontainers.MatrixImages;
import io.github.matrixcors.testcontainers.MatrixStack;
import io.github.matrixcors.testcontainers.ProxyContainer;
import io.github.matrixcors.testcontainers.SynapseContainer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.Network;

/**
 * The compliance report: checks real Synapse behind nginx, Caddy and Apache httpd with every endpoint of the Matrix
 * catalogue and prints, per proxy, the checks passed and failed per severity and the most frequent findings with their
 * fix hints. The full reports go to {@code target/matrix-cors-report/} of this module.
 *
 * <p>It is a JUnit class so that Maven runs it with the module's test classpath; the class name does not end in
 * {@code Test}, so a normal build skips it. Run it with the {@code matrix-cors-report} script at the repository root.
 * It fails when a proxy has findings of severity {@link Severity#ERROR}, so a pipeline can gate on it.
 *
 * <p>System properties: {@code matrixcors.report.nginx}, {@code .caddy}, {@code .apache} name an operator's own
 * configuration file (see {@code ProxyContainer} for the {@code {{homeserver}}} placeholder);
 * {@code matrixcors.report.preset} checks one of the module's presets instead of the sample files;
 * {@code matrixcors.report.all=true} also checks the proxies without a file when files are given;
 * {@code matrixcors.report.dir} moves the report directory.
 */
class ComplianceReport {

    private static final int TOP_FINDINGS = 5;

    private static final String HINT_SEPARATOR = "\u0000";

    /** The file that receives the message of the exception that ended the run early, for the script to show. */
    static final String FAILURE_FILE = "failure.txt";

    /** The file that receives the message about an invalid setting, for the script to show and exit 2. */
    static final String USAGE_FILE = "usage.txt";

    @Test
    void checkEveryProxy() throws IOException {
        Path reportDirectory = Path.of(System.getProperty("matrixcors.report.dir", "target/matrix-cors-report"))
                .toAbsolutePath();
        Files.createDirectories(reportDirectory);
        Files.deleteIfExists(reportDirectory.resolve(FAILURE_FILE));
        Files.deleteIfExists(reportDirectory.resolve(USAGE_FILE));
        // Read the settings first, so that a wrong preset name or file path fails before any container starts.
        List<ProxyUnderTest> configs;
        try {
            configs = ProxyUnderTest.selectFromSystemProperties();
        } catch (IllegalArgumentException e) {
            // A wrong preset name, file or flag value: the script exits with its bad-usage status.
            Files.writeString(reportDirectory.resolve(USAGE_FILE), e.getMessage() + "\n", StandardCharsets.UTF_8);
            throw e;
        }
        try {
            checkProxies(configs, reportDirectory);
        } catch (RuntimeException e) {
            // The script shows this file in place of the Maven output, where the message is hard to find.
            Files.writeString(reportDirectory.resolve(FAILURE_FILE), failureText(e), StandardCharsets.UTF_8);
            throw e;
        }
    }

    private static void checkProxies(List<ProxyUnderTest> configs, Path reportDirectory) throws IOException {
        ImageChoice images = ImageChoice.decide();

        StringBuilder console = new StringBuilder();
        console.append("matrix-cors compliance report, using ")
                .append(images.describe())
                .append('\n');
        console.append("Synapse image: ")
                .append(MatrixImages.synapse().asCanonicalNameString())
                .append("\n\n");

        Map<ProxyKind, Integer> errorsPerProxy = new LinkedHashMap<>();
        try (Network network = Network.newNetwork();
                SynapseContainer synapse = new SynapseContainer(MatrixImages.synapse())
                        .withNetwork(network)
                        .withNetworkAliases(MatrixStack.HOMESERVER_ALIAS)) {
            synapse.start();
            MatrixAccount account = synapse.registerUser("report");

            for (ProxyUnderTest config : configs) {
                ProxyKind proxyKind = config.proxy();
                if (!config.exists()) {
                    console.append("== ")
                            .append(proxyKind.displayName())
                            .append(": skipped, ")
                            .append(config.describe())
                            .append(" does not exist for this proxy\n\n");
                    continue;
                }
                ProxySection section = checkProxy(network, synapse, account, config, reportDirectory);
                console.append(section.text()).append('\n');
                errorsPerProxy.put(proxyKind, section.errors());
            }
        }
        console.append("Full reports: ").append(reportDirectory).append('\n');
        System.out.println(console);
        Files.writeString(reportDirectory.resolve("summary.txt"), console, StandardCharsets.UTF_8);

        Map<ProxyKind, Integer> noErrors = new LinkedHashMap<>();
        errorsPerProxy.keySet().forEach(proxy -> noErrors.put(proxy, 0));
        assertEquals(noErrors, errorsPerProxy, "findings of severity ERROR per proxy; see the report above");
    }

    /**
     * Returns the message of {@code e}, followed by the message of its root cause when the first is a single line. The
     * container classes put the proxy's own message and log lines in a multi-line outer message, and Testcontainers'
     * causes add nothing to it.
     */
    static String failureText(Throwable e) {
        String outer = e.getClass().getSimpleName() + ": "
                + Objects.requireNonNullElse(e.getMessage(), "").strip();
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String rootMessage = Objects.requireNonNullElse(root.getMessage(), "").strip();
        if (outer.contains("\n") || root == e || outer.contains(rootMessage)) {
            return outer + "\n";
        }
        return outer + "\nCaused by: " + root.getClass().getSimpleName() + ": " + rootMessage + "\n";
    }

    private record ProxySection(String text, int errors) {}

    private static ProxySection checkProxy(
            Network network,
            SynapseContainer synapse,
            MatrixAccount account,
            ProxyUnderTest config,
            Path reportDirectory)
            throws IOException {
        ProxyKind proxyKind = config.proxy();
        try (ProxyContainer<?> proxy = MatrixStack.newProxy(proxyKind)) {
            proxy.withNetwork(network).withHomeserverAddress(synapse.getInternalAddress(MatrixStack.HOMESERVER_ALIAS));
            config.configure(proxy);
            proxy.start();

            List<CheckResult> results;
            try (MatrixCorsChecker checker = MatrixCorsChecker.builder()
                    .baseUri(proxy.baseUri())
                    .accessToken(account.accessToken())
                    .build()) {
                results = checker.checkAll();
            }
            CheckSummary summary = CheckSummary.of(results);
            Path reportFile = reportDirectory.resolve(proxyKind.name().toLowerCase(Locale.ROOT) + ".txt");
            Files.writeString(reportFile, fullReport(proxy, summary, results), StandardCharsets.UTF_8);

            StringBuilder text = new StringBuilder();
            text.append("== ").append(proxyKind.displayName()).append(": ").append(proxy.getConfigName());
            text.append("\n   image ").append(proxy.getDockerImageName()).append('\n');
            summary.toString()
                    .lines()
                    .forEach(line -> text.append("   ").append(line).append('\n'));
            if (config.file() != null
                    && !Files.readString(config.file()).contains(ProxyContainer.HOMESERVER_PLACEHOLDER)) {
                text.append("   NOTE: the file has no ")
                        .append(ProxyContainer.HOMESERVER_PLACEHOLDER)
                        .append(", so the proxy sends requests to the address written in it, not to the report's"
                                + " Synapse.\n");
            }
            text.append(upstreamNotice(results, proxyKind));
            text.append(topFindings(results, proxyKind));
            text.append("   full report: ").append(reportFile).append('\n');
            return new ProxySection(text.toString(), summary.count(Severity.ERROR));
        }
    }

    /**
     * Returns a notice when most responses are 502, 503 or 504, which the proxy sends when it cannot reach the
     * homeserver, and an empty string otherwise. The findings then describe the proxy's error pages, not the site.
     */
    static String upstreamNotice(List<CheckResult> results, ProxyKind proxyKind) {
        List<Hop> hops = results.stream()
                .flatMap(result -> result.exchanges().stream())
                .flatMap(exchange -> exchange.hops().stream())
                .toList();
        long upstreamFailures = hops.stream()
                .filter(hop -> MatrixRules.UPSTREAM_FAILURE_STATUSES.contains(hop.status()))
                .count();
        if (hops.isEmpty() || upstreamFailures * 2 <= hops.size()) {
            return "";
        }
        String directive = switch (proxyKind) {
            case NGINX -> "'proxy_pass http://{{homeserver}};'";
            case CADDY -> "'reverse_proxy {{homeserver}}'";
            case APACHE -> "'ProxyPass / http://{{homeserver}}/'";
        };
        return "   THE PROXY DOES NOT REACH THE HOMESERVER: " + upstreamFailures + " of " + hops.size()
                + " responses were 502, 503 or 504.\n"
                + "     Write {{homeserver}} where the homeserver's host:port belongs, for example " + directive
                + ";\n     the report replaces it with the address of its Synapse container. The findings below follow"
                + " from this.\n";
    }

    /**
     * Groups findings by severity and rule id, worst severity first, then by how many checks they affect. A rule can
     * appear twice, for example as an error on preflights that browsers send and as a warning on preflights that they
     * do not send.
     */
    static String topFindings(List<CheckResult> results, ProxyKind proxyKind) {
        Map<String, Set<CheckResult>> checksPerKey = new LinkedHashMap<>();
        Map<String, Integer> findingsPerKey = new LinkedHashMap<>();
        Map<String, Finding> examplePerKey = new LinkedHashMap<>();
        for (CheckResult result : results) {
            for (Finding finding : result.findings()) {
                // Findings of one rule with different fix hints (the proxy's own error page or the homeserver's
                // error, for example) get separate lines, so that each line's example fits its hint.
                String key =
                        finding.severity() + " " + finding.ruleId() + HINT_SEPARATOR + hintsFor(finding, proxyKind);
                checksPerKey.computeIfAbsent(key, id -> new LinkedHashSet<>()).add(result);
                findingsPerKey.merge(key, 1, Integer::sum);
                examplePerKey.putIfAbsent(key, finding);
            }
        }
        if (examplePerKey.isEmpty()) {
            return "   no findings\n";
        }

        List<String> keys = new ArrayList<>(examplePerKey.keySet());
        keys.sort(Comparator.comparing((String key) -> examplePerKey.get(key).severity())
                .thenComparing(key -> -checksPerKey.get(key).size()));

        StringBuilder text = new StringBuilder("   top findings:\n");
        for (String key : keys.subList(0, Math.min(TOP_FINDINGS, keys.size()))) {
            Finding example = examplePerKey.get(key);
            Set<CheckResult> checks = checksPerKey.get(key);
            int findings = findingsPerKey.get(key);
            text.append("   - ")
                    .append(key, 0, key.indexOf(HINT_SEPARATOR))
                    .append(": ")
                    .append(findings)
                    .append(findings == 1 ? " finding in " : " findings in ")
                    .append(checks.size())
                    .append(checks.size() == 1 ? " check" : " checks")
                    .append(", for example ")
                    .append(checks.iterator().next().name())
                    .append('\n');
            text.append("     ").append(example.message()).append('\n');
            for (String hint : hintsFor(example, proxyKind)) {
                text.append("     fix: ").append(hint).append('\n');
            }
        }
        if (keys.size() > TOP_FINDINGS) {
            text.append("   and ").append(keys.size() - TOP_FINDINGS).append(" more in the full report\n");
        }
        return text.toString();
    }

    private static List<String> hintsFor(Finding finding, ProxyKind proxyKind) {
        return finding.fixHints().stream()
                .filter(hint -> hint.proxy() == proxyKind)
                .map(FixHint::text)
                .toList();
    }

    private static String fullReport(ProxyContainer<?> proxy, CheckSummary summary, List<CheckResult> results) {
        StringBuilder text = new StringBuilder();
        text.append(proxy.proxyKind().displayName())
                .append(": ")
                .append(proxy.getConfigName())
                .append('\n');
        text.append("image ").append(proxy.getDockerImageName()).append('\n');
        text.append(summary).append('\n');
        for (CheckResult result : results) {
            if (result.findings().isEmpty()) {
                text.append("PASS ").append(result.name()).append('\n');
            }
        }
        text.append('\n');
        for (CheckResult result : results) {
            if (!result.findings().isEmpty()) {
                text.append(result.passes(Severity.ERROR) ? "NOTE " : "FAIL ")
                        .append(result.report(Severity.INFO))
                        .append('\n');
            }
        }
        text.append("Rendered configuration:\n")
                .append(proxy.getRenderedConfig())
                .append('\n');
        return text.toString();
    }
}
