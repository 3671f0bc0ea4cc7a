package io.github.matrixcors.hamcrest;

import io.github.matrixcors.cors.Finding;
import io.github.matrixcors.cors.Severity;
import java.util.List;

/** A matcher for a {@link io.github.matrixcors.matrix.CheckResult} without findings of a given severity or worse. */
final class MatrixRulesMatcher extends CorsMatcher {

    private final Severity failAt;

    MatrixRulesMatcher(Severity failAt) {
        super(
                failAt == Severity.ERROR
                        ? "a check result without errors under the CORS and Matrix rules"
                        : "a check result without findings of severity " + failAt
                                + " or worse under the CORS and Matrix" + " rules");
        this.failAt = failAt;
    }

    @Override
    String unsupported(CorsSubject subject) {
        if (subject.checkResult() == null) {
            return "was a " + subject.typeName() + ", but the Matrix rules are judged on a CheckResult from"
                    + " MatrixCorsChecker";
        }
        return null;
    }

    @Override
    List<String> violations(CorsSubject subject) {
        return subject.checkResult().findingsAtLeast(failAt).stream()
                .map(MatrixRulesMatcher::describe)
                .toList();
    }

    private static String describe(Finding finding) {
        return finding.severity() + " " + finding.ruleId() + ": " + finding.message();
    }
}
