package io.github.matrixcors.junit;

import io.github.matrixcors.cors.Finding;
import io.github.matrixcors.cors.FixHint;
import io.github.matrixcors.cors.ProxyKind;
import io.github.matrixcors.cors.Severity;
import io.github.matrixcors.http.HeaderLine;
import io.github.matrixcors.http.Hop;
import io.github.matrixcors.http.SentRequest;
import java.util.List;
import java.util.Optional;

/** Formats the findings of one check as the message of its failure. */
final class FailureMessage {

    private static final String INDENT = "   ";
    private static final String EVIDENCE_INDENT = "      ";

    private FailureMessage() {}

    /**
     * Returns a message that opens with the check's name and the number of findings that fail it, then lists every
     * finding, failing or not, with its fix hints and the request and response it is about. A response shared by
     * several findings is shown once, and a real access token is hidden.
     */
    static String format(String checkName, List<Finding> findings, Severity failOn) {
        return format(checkName, findings, failOn, Optional.empty());
    }

    /**
     * Returns the message of {@link #format(String, List, Severity)}, with only the fix hints for {@code proxy} when it
     * is present.
     */
    static String format(String checkName, List<Finding> findings, Severity failOn, Optional<ProxyKind> proxy) {
        long failing =
                findings.stream().filter(f -> f.severity().isAtLeast(failOn)).count();
        StringBuilder message = new StringBuilder();
        message.append(checkName)
                .append(": ")
                .append(failing)
                .append(failing == 1 ? " finding" : " findings")
                .append(" at severity ")
                .append(failOn)
                .append(" or above, ")
                .append(findings.size())
                .append(" in total");

        for (int i = 0; i < findings.size(); i++) {
            Finding finding = findings.get(i);
            message.append("\n\n")
                    .append(i + 1)
                    .append(". ")
                    .append(finding.severity())
                    .append(' ')
                    .append(finding.ruleId())
                    .append(": ")
                    .append(finding.message());
            for (FixHint hint : finding.fixHints()) {
                if (proxy.isPresent() && hint.proxy() != proxy.get()) {
                    continue;
                }
                message.append('\n')
                        .append(INDENT)
                        .append("Fix for ")
                        .append(hint.proxy().displayName())
                        .append(": ")
                        .append(hint.text());
            }
            appendEvidence(message, finding.evidence(), findings.subList(0, i));
        }
        return message.toString();
    }

    private static void appendEvidence(StringBuilder message, Hop evidence, List<Finding> earlierFindings) {
        if (evidence == null) {
            return;
        }
        for (int j = 0; j < earlierFindings.size(); j++) {
            if (earlierFindings.get(j).evidence() == evidence) {
                message.append('\n')
                        .append(INDENT)
                        .append("Evidence: the exchange shown for finding ")
                        .append(j + 1)
                        .append('.');
                return;
            }
        }
        message.append('\n').append(INDENT).append("Request:");
        SentRequest request = evidence.request();
        message.append('\n')
                .append(EVIDENCE_INDENT)
                .append(request.method())
                .append(' ')
                .append(request.uri());
        for (HeaderLine line : request.headers()) {
            message.append('\n').append(EVIDENCE_INDENT).append(line.toDisplayText());
        }
        message.append('\n').append(INDENT).append("Response:");
        appendLines(message, evidence.toHttpText());
    }

    private static void appendLines(StringBuilder message, String text) {
        for (String line : text.split("\n")) {
            message.append('\n').append(EVIDENCE_INDENT).append(line);
        }
    }
}
