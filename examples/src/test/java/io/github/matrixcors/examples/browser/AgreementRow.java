package io.github.matrixcors.examples.browser;

import io.github.matrixcors.cors.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One call judged twice: by the engine and by real Chromium.
 *
 * @param target what was called, for example {@code "nginx"}
 * @param variant the configuration under test, for example {@code "CORRECT"}
 * @param engine the engine's judgement
 * @param chromium what Chromium's page script saw
 */
record AgreementRow(String target, String variant, EngineJudgement engine, BrowserOutcome chromium) {

    /**
     * Returns whether both allowed the call with the same status, or both blocked it for the same reason. A different
     * status means the two did not send the same request or the server changed its response in between, so it counts
     * as a disagreement too.
     */
    boolean agrees() {
        if (chromium.timedOut() || engine.allowed() != chromium.allowed()) {
            return false;
        }
        if (chromium.allowed()) {
            return engine.status() == chromium.status();
        }
        return sameReason();
    }

    /**
     * Returns whether, for a call both blocked, the engine's errors include a rule for the reason Chromium gave. A call
     * whose reason Chromium did not log, or logged in words {@link ChromiumReasons} does not know, counts as the same.
     */
    boolean sameReason() {
        Optional<Set<String>> expected = ChromiumReasons.expectedRules(chromium.console());
        if (expected.isEmpty() || engine.verdict() == null) {
            return true;
        }
        return engine.verdict().findingsAtLeast(Severity.ERROR).stream()
                .anyMatch(finding -> expected.get().contains(finding.ruleId()));
    }

    /** Returns both sides in full: the engine's findings and exchanges, Chromium's error and console messages. */
    String explain() {
        List<String> lines = new ArrayList<>();
        lines.add(target + " / " + variant + " / " + chromium.call().name() + ": "
                + chromium.call().request().method() + " "
                + chromium.call().request().url());
        lines.add("engine:   " + engine.summary());
        lines.add(engine.details());
        if (engine.preflight() != null) {
            lines.add(
                    "  preflight response: " + oneLine(engine.preflight().last().toHttpText()));
        }
        if (engine.actual() != null) {
            lines.add("  actual response: " + oneLine(engine.actual().last().toHttpText()));
        }
        lines.add("chromium: " + chromium.summary());
        for (String message : chromium.console()) {
            lines.add("  console: " + message);
        }
        return String.join("\n", lines);
    }

    private static String oneLine(String httpText) {
        return httpText.strip().replace("\n", " | ");
    }
}
