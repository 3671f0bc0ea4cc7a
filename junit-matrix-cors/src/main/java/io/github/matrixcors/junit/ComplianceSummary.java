package io.github.matrixcors.junit;

import io.github.matrixcors.cors.Severity;
import io.github.matrixcors.matrix.CheckResult;
import io.github.matrixcors.matrix.CheckSummary;
import io.github.matrixcors.matrix.EndpointGroup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Collects the check results of one test class and reports their counts once, after the class. */
final class ComplianceSummary {

    /** Key of the report entry with the summary as text; each other key contains one count. */
    static final String SUMMARY_KEY = "matrixcors.summary";

    private static final Logger LOG = LoggerFactory.getLogger(ComplianceSummary.class);

    private final String className;
    private final List<CheckResult> results = new ArrayList<>();
    private Severity failOn = Severity.ERROR;

    ComplianceSummary(String className) {
        this.className = className;
    }

    synchronized void add(List<CheckResult> checked, Severity failingSeverity) {
        results.addAll(checked);
        failOn = failingSeverity;
    }

    /**
     * Publishes the counts as one report entry on {@code classContext} and logs them, unless no check ran. The entry
     * has the key {@value #SUMMARY_KEY} with the text, and keys such as {@code matrixcors.checks},
     * {@code matrixcors.failed}, {@code matrixcors.errors} and {@code matrixcors.group.sync.errors} with single counts.
     */
    synchronized void publish(ExtensionContext classContext) {
        if (results.isEmpty()) {
            return;
        }
        CheckSummary summary = CheckSummary.of(results);
        long failed = results.stream().filter(result -> !result.passes(failOn)).count();

        String text = String.format(
                "Matrix CORS compliance of %s: %d of %d checks failed at severity %s or above.%n%s",
                className, failed, results.size(), failOn, summary);
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put(SUMMARY_KEY, text.strip());
        entry.put("matrixcors.checks", String.valueOf(results.size()));
        entry.put("matrixcors.failed", String.valueOf(failed));
        for (Severity severity : Severity.values()) {
            entry.put("matrixcors." + plural(severity), String.valueOf(summary.count(severity)));
        }
        for (EndpointGroup group : EndpointGroup.values()) {
            Map<Severity, Integer> counts = summary.perGroup().get(group);
            if (counts == null) {
                continue;
            }
            for (Severity severity : Severity.values()) {
                entry.put(
                        "matrixcors.group." + group.id() + "." + plural(severity),
                        String.valueOf(counts.getOrDefault(severity, 0)));
            }
        }
        classContext.publishReportEntry(entry);

        if (failed > 0) {
            LOG.warn("{}", text.strip());
        } else {
            LOG.info("{}", text.strip());
        }
    }

    private static String plural(Severity severity) {
        return severity == Severity.INFO ? "infos" : severity.name().toLowerCase(Locale.ROOT) + "s";
    }
}
