package io.github.matrixcors.matrix;

import io.github.matrixcors.cors.BrowserRequest;
import io.github.matrixcors.cors.Finding;
import io.github.matrixcors.cors.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Combines the findings of the browser check and the Matrix rules for one check result. */
final class Findings {

    private Findings() {}

    /**
     * Returns the browser check's findings followed by the Matrix rules' findings, without each {@code cors.*} finding
     * that a Matrix finding on the same hop restates (see {@link MatrixRules#restatedBy(String)}).
     */
    static List<Finding> merge(List<Finding> cors, List<Finding> matrix) {
        List<Finding> merged = new ArrayList<>();
        for (Finding finding : cors) {
            boolean restated = matrix.stream()
                    .anyMatch(restatement -> Objects.equals(restatement.evidence(), finding.evidence())
                            && MatrixRules.restatedBy(restatement.ruleId()).contains(finding.ruleId()));
            if (!restated) {
                merged.add(finding);
            }
        }
        merged.addAll(matrix);
        return merged;
    }

    /**
     * Returns the findings of a preflight that browsers do not send for {@code request}, because it is a simple
     * request. Its errors break nothing today, so they become warnings with a note why, and findings about the preflight
     * cache ({@code cors.max-age.*}, {@code advice.*}) are dropped because there is nothing to cache.
     */
    static List<Finding> withoutPreflight(List<Finding> findings, BrowserRequest request) {
        List<Finding> kept = new ArrayList<>();
        for (Finding finding : findings) {
            if (finding.ruleId().startsWith("cors.max-age.") || finding.ruleId().startsWith("advice.")) {
                continue;
            }
            if (finding.severity() == Severity.ERROR) {
                kept.add(new Finding(
                        finding.ruleId(),
                        Severity.WARNING,
                        finding.message() + " Browsers send " + request.method() + " "
                                + request.url().getRawPath()
                                + " without a preflight, so this breaks only clients that add headers to it.",
                        finding.evidence(),
                        finding.fixHints()));
            } else {
                kept.add(finding);
            }
        }
        return kept;
    }
}
