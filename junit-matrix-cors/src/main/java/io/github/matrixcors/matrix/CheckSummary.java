package io.github.matrixcors.matrix;

import io.github.matrixcors.cors.Finding;
import io.github.matrixcors.cors.Severity;
import java.util.Collection;
import java.util.EnumMap;
import java.util.Map;

/**
 * Counts of findings per severity, overall and per endpoint group, for printing after a check run.
 *
 * @param checks the number of check results
 * @param failedChecks the number of check results with at least one error
 * @param perSeverity the number of findings of each severity
 * @param perGroup the number of findings of each severity within each endpoint group
 */
public record CheckSummary(
        int checks,
        int failedChecks,
        Map<Severity, Integer> perSeverity,
        Map<EndpointGroup, Map<Severity, Integer>> perGroup) {

    public CheckSummary {
        perSeverity = Map.copyOf(perSeverity);
        perGroup = Map.copyOf(perGroup);
    }

    /** Counts the findings of {@code results}. */
    public static CheckSummary of(Collection<CheckResult> results) {
        Map<Severity, Integer> perSeverity = zeroCounts();
        Map<EndpointGroup, Map<Severity, Integer>> perGroup = new EnumMap<>(EndpointGroup.class);
        int failed = 0;
        for (CheckResult result : results) {
            Map<Severity, Integer> groupCounts =
                    perGroup.computeIfAbsent(result.endpoint().group(), group -> zeroCounts());
            for (Finding finding : result.findings()) {
                perSeverity.merge(finding.severity(), 1, Integer::sum);
                groupCounts.merge(finding.severity(), 1, Integer::sum);
            }
            if (!result.passes(Severity.ERROR)) {
                failed++;
            }
        }
        perGroup.replaceAll((group, counts) -> Map.copyOf(counts));
        return new CheckSummary(results.size(), failed, perSeverity, perGroup);
    }

    /** Returns the number of findings of {@code severity}. */
    public int count(Severity severity) {
        return perSeverity.getOrDefault(severity, 0);
    }

    /**
     * Returns a short table, for example:
     *
     * <pre>
     * 12 checks, 2 with at least one finding of severity ERROR
     * findings: 3 errors, 1 warning, 0 info
     *   media        2 errors, 0 warnings, 0 info
     *   well-known   1 error, 1 warning, 0 info
     * </pre>
     *
     * The first line counts checks, the others count findings: one check can have several findings, so the number of
     * errors can exceed the number of checks with errors. Groups are listed in {@link EndpointGroup} order, and only
     * groups that were checked.
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder();
        text.append(checks)
                .append(checks == 1 ? " check, " : " checks, ")
                .append(failedChecks)
                .append(" with at least one finding of severity ERROR\n")
                .append("findings: ")
                .append(counts(perSeverity))
                .append('\n');
        for (EndpointGroup group : EndpointGroup.values()) {
            Map<Severity, Integer> counts = perGroup.get(group);
            if (counts != null) {
                text.append(String.format("  %-12s %s", group.id(), counts(counts)))
                        .append('\n');
            }
        }
        return text.toString();
    }

    private static String counts(Map<Severity, Integer> counts) {
        int errors = counts.getOrDefault(Severity.ERROR, 0);
        int warnings = counts.getOrDefault(Severity.WARNING, 0);
        int info = counts.getOrDefault(Severity.INFO, 0);
        return errors + (errors == 1 ? " error, " : " errors, ") + warnings
                + (warnings == 1 ? " warning, " : " warnings, ") + info + " info";
    }

    private static Map<Severity, Integer> zeroCounts() {
        Map<Severity, Integer> counts = new EnumMap<>(Severity.class);
        for (Severity severity : Severity.values()) {
            counts.put(severity, 0);
        }
        return counts;
    }
}
