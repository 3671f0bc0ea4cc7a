package io.github.matrixcors.testcontainers;

import io.github.matrixcors.cors.Finding;
import io.github.matrixcors.cors.ProxyKind;
import io.github.matrixcors.cors.Severity;
import io.github.matrixcors.matrix.CheckResult;
import io.github.matrixcors.matrix.MatrixCorsChecker;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/** Prints, per preset of one proxy, which rule ids the checker reports and on how many checks. */
public final class PresetVerdictDump {

    public static void main(String[] args) {
        ProxyKind kind = ProxyKind.valueOf(args[0]);
        try (PresetFixture fixture = new PresetFixture(kind, ProxyPreset.supportedBy(kind)).start()) {
            String token = fixture.synapse.registerUser("dump").accessToken();
            fixture.proxies.forEach((preset, proxy) -> {
                long started = System.nanoTime();
                List<CheckResult> results;
                try (MatrixCorsChecker checker = MatrixCorsChecker.builder()
                        .baseUri(proxy.baseUri())
                        .accessToken(token)
                        .build()) {
                    results = checker.checkAll();
                }
                Map<String, TreeSet<String>> groups = new TreeMap<>();
                for (CheckResult result : results) {
                    TreeSet<String> ids = new TreeSet<>();
                    for (Finding finding : result.findings()) {
                        ids.add(finding.severity() + ":" + finding.ruleId());
                    }
                    groups.computeIfAbsent(result.kind() + " " + ids, key -> new TreeSet<>())
                            .add(result.name());
                }
                System.out.println("=== " + preset + " " + results.size() + " results, failing at ERROR: "
                        + results.stream()
                                .filter(r -> !r.passes(Severity.ERROR))
                                .count() + " in "
                        + (System.nanoTime() - started) / 1_000_000 + " ms");
                groups.forEach((key, names) -> System.out.println("  " + names.size() + " x " + key + "  e.g. "
                        + names.first() + (names.size() > 1 ? " | " + names.last() : "")));
            });
        }
    }
}
