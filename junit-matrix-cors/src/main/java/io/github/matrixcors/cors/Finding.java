package io.github.matrixcors.cors;

import io.github.matrixcors.http.Hop;
import java.util.List;
import java.util.Objects;

/**
 * One thing a check found.
 *
 * @param ruleId a stable identifier such as {@code cors.allow-origin.multiple}, safe to filter on
 * @param severity whether a browser blocks the request ({@link Severity#ERROR}) or not
 * @param message one plain sentence naming the header, the value and why it matters
 * @param evidence the hop the finding is about: request sent, status and raw header lines; {@code null} when the
 *     finding is about a request that could not be made at all
 * @param fixHints what to change in each reverse proxy's configuration, empty when no proxy habit causes it
 */
public record Finding(String ruleId, Severity severity, String message, Hop evidence, List<FixHint> fixHints) {

    public Finding {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        fixHints = List.copyOf(fixHints);
    }

    @Override
    public String toString() {
        return severity + " " + ruleId + ": " + message;
    }
}
