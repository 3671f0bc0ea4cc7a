package io.github.matrixcors.examples.browser;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.matrixcors.cors.BrowserProfile;
import io.github.matrixcors.http.Probe;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Judges every scripted case twice, by the engine with the Chromium profile and by real Chromium, and requires the
 * same outcome. The cases cover what proxies get wrong: missing and duplicated {@code Access-Control-Allow-Origin},
 * failed and redirected preflights, missing methods and headers, errors and redirects without CORS headers.
 */
class ScriptedAgreementTest {

    @Test
    void engineAgreesWithChromium() {
        List<AgreementRow> rows = new ArrayList<>();
        try (ScriptedCorsServer server = new ScriptedCorsServer();
                HeadlessChromium chromium = new HeadlessChromium();
                Probe probe = Probe.withDefaults()) {
            ScriptedCorsCases.install(server);
            List<BrowserCall> calls = ScriptedCorsCases.calls(chromium, server.baseUri());

            List<BrowserOutcome> outcomes = chromium.run(calls);
            for (BrowserOutcome outcome : outcomes) {
                EngineJudgement engine = EngineJudgement.judge(
                        probe, BrowserProfile.CHROMIUM, outcome.call().request());
                rows.add(new AgreementRow("scripted", "Chromium " + chromium.version(), engine, outcome));
            }
        }

        System.out.println(AgreementTable.format(rows));
        String disagreements = rows.stream()
                .filter(row -> !row.agrees())
                .map(AgreementRow::explain)
                .collect(Collectors.joining("\n\n"));
        assertTrue(disagreements.isEmpty(), "the engine and Chromium disagree:\n" + disagreements);
    }
}
