package io.github.matrixcors.testcontainers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.matrixcors.cors.ProxyKind;
import io.github.matrixcors.cors.Severity;
import io.github.matrixcors.matrix.CheckResult;
import io.github.matrixcors.matrix.MatrixCorsChecker;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Runs the checker against every preset of one proxy, with one Synapse behind all of them, and compares each check
 * with the proxy's table of expected verdicts.
 */
final class PresetVerdictTestSupport {

    private PresetVerdictTestSupport() {}

    static Stream<DynamicTest> verdictTests(ProxyKind kind, PresetFixture fixture, ExpectedVerdicts table) {
        String token = fixture.synapse.registerUser("checker").accessToken();
        return fixture.proxies.keySet().stream()
                .map(preset -> DynamicTest.dynamicTest(
                        kind.displayName() + " " + preset, () -> assertVerdicts(fixture, table, preset, token)));
    }

    private static void assertVerdicts(
            PresetFixture fixture, ExpectedVerdicts table, ProxyPreset preset, String token) {
        List<CheckResult> results;
        try (MatrixCorsChecker checker = MatrixCorsChecker.builder()
                .baseUri(fixture.proxy(preset).baseUri())
                .accessToken(token)
                .build()) {
            results = checker.checkAll();
        }

        List<String> mismatches = table.mismatches(preset, results);
        int shown = Math.min(mismatches.size(), 10);
        assertTrue(
                mismatches.isEmpty(),
                () -> mismatches.size() + " checks differ from the table for " + preset + "; the first " + shown + ":\n"
                        + String.join("\n", mismatches.subList(0, shown)));

        if (preset == ProxyPreset.CORRECT) {
            long withFindings = results.stream()
                    .filter(result -> !result.passes(Severity.INFO))
                    .count();
            assertEquals(0, withFindings, "checks of the CORRECT preset with any finding, INFO included");
        } else {
            assertTrue(
                    results.stream().anyMatch(result -> !result.passes(Severity.ERROR)),
                    preset + " is meant to show a fault, but every check passed");
        }
    }
}
