package io.github.matrixcors.cors;

import io.github.matrixcors.http.Hop;
import java.util.List;
import java.util.Objects;

/**
 * One thing a check found.
 *
 * @param ruleId a stable identifier such as {@code cors.allow-origin.multiple}, safe to filter on
 * @param severity whether a browser blocks the request ({@link Severity#ERROR}) or not
 * @param message plain sentences naming the header, the value and why it matters. A final period is added when the
 *     last sentence lacks one.
 * @param evidence the hop the finding is about: request sent, status and raw header lines; {@code null} when the
 *     finding is about a request that could not be made at all
 * @param fixHints what to change in each reverse proxy's configuration, empty when no proxy habit causes it
 */
public record Finding(String ruleId, Severity severity, String message, Hop evidence, List<FixHint> fixHints) {

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        message = endSentence(message);
        fixHints = List.copyOf(fixHints);
    }

    private static String endSentence(String message) {
        String text = message.strip();
        if (text.isEmpty() || text.endsWith(".") || text.endsWith("?") || text.endsWith("!")) {
            return text;
        }
        return text + ".";
    }

    @Override
    public String toString() {
        return severity + " " + ruleId + ": " + message;
    }
}
