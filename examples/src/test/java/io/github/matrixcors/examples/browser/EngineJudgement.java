package io.github.matrixcors.examples.browser;

import io.github.matrixcors.cors.BrowserProfile;
import io.github.matrixcors.cors.BrowserRequest;
import io.github.matrixcors.cors.CorsEvaluator;
import io.github.matrixcors.cors.Finding;
import io.github.matrixcors.cors.Severity;
import io.github.matrixcors.cors.Verdict;
import io.github.matrixcors.http.Exchange;
import io.github.matrixcors.http.Probe;
import io.github.matrixcors.http.ProbeException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The engine's verdict on "would a browser allow this?" for one call: the verdict and the exchanges it was based on.
 *
 * @param verdict the evaluator's verdict, or {@code null} when the probe got no HTTP response
 * @param preflight the preflight exchange, or {@code null} when the request needs none
 * @param actual the actual request's exchange, or {@code null} when a failed preflight stopped it, as it stops a
 *     browser
 * @param probeError the probe's error when no HTTP response arrived, otherwise {@code null}
 */
record EngineJudgement(Verdict verdict, Exchange preflight, Exchange actual, String probeError) {

    /**
     * Sends {@code request} the way a browser would (the preflight first when one is needed, the actual request only
     * when the preflight passed) and evaluates the responses with {@code profile}'s rules.
     */
    static EngineJudgement judge(Probe probe, BrowserProfile profile, BrowserRequest request) {
        CorsEvaluator evaluator = new CorsEvaluator(profile);
        Exchange preflight = null;
        try {
            if (request.needsPreflight()) {
                preflight = probe.preflight(request);
                Verdict preflightVerdict = evaluator.evaluatePreflight(request, preflight);
                if (!preflightVerdict.allowed()) {
                    return new EngineJudgement(preflightVerdict, preflight, null, null);
                }
            }
            Exchange actual = probe.fetch(request);
            return new EngineJudgement(evaluator.evaluate(request, preflight, actual), preflight, actual, null);
        } catch (ProbeException e) {
            return new EngineJudgement(null, preflight, null, e.getMessage());
        }
    }

    /** Returns whether, by the engine's verdict, the page's script would see the response. */
    boolean allowed() {
        return verdict != null && verdict.allowed();
    }

    /** Returns the status of the last response the script would see, or 0 when there is none. */
    int status() {
        return actual == null ? 0 : actual.last().status();
    }

    /** Returns a one-line summary for tables: allowed with the status, or blocked with the error rule ids. */
    String summary() {
        if (verdict == null) {
            return "no response (" + probeError + ")";
        }
        if (verdict.allowed()) {
            return "allowed, status " + status();
        }
        List<String> errors = verdict.findingsAtLeast(Severity.ERROR).stream()
                .map(Finding::ruleId)
                .toList();
        return "blocked (" + String.join(", ", errors) + ")";
    }

    /** Returns every finding with its message, one per line, for failure messages. */
    String details() {
        if (verdict == null) {
            return "  probe error: " + probeError;
        }
        return verdict.findings().stream()
                .map(finding -> "  " + finding.severity() + " " + finding.ruleId() + ": " + finding.message())
                .collect(Collectors.joining("\n"));
    }
}
