package io.github.matrixcors.cors;

import java.util.List;
import java.util.Objects;

/**
 * A browser's decision on one request.
 *
 * @param allowed whether the page's JavaScript would see the response; false when any finding is an error
 * @param profile whose rules the verdict follows
 * @param findings every finding, errors first
 */
public record Verdict(boolean allowed, BrowserProfile profile, List<Finding> findings) {

    public Verdict {
        Objects.requireNonNull(profile, "profile");
        findings = List.copyOf(findings);
    }

    /** Returns the findings of {@code severity} or worse. */
    public List<Finding> findingsAtLeast(Severity severity) {
        return findings.stream().filter(f -> f.severity().isAtLeast(severity)).toList();
    }
}
