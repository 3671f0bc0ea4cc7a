package io.github.matrixcors.matrix;

import io.github.matrixcors.cors.Finding;
import io.github.matrixcors.cors.FixHint;
import io.github.matrixcors.cors.Severity;
import io.github.matrixcors.http.Exchange;
import io.github.matrixcors.http.Hop;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of one request of an endpoint check: the preflight or the actual request, from one origin.
 *
 * @param name a readable name, unique within one check run, such as
 *     {@code OPTIONS /_matrix/client/v3/sync from https://app.element.io} for a preflight (with
 *     {@code for PUT} before {@code from} when the request's method is not GET) and
 *     {@code GET /_matrix/client/v3/sync from https://app.element.io} for the actual request
 * @param endpoint the endpoint checked
 * @param origin the origin of the page that made the request
 * @param kind whether this is the preflight or the actual request
 * @param findings every finding, errors first
 * @param exchanges what was sent and received: one exchange, or none when the request could not be made at all
 */
public record CheckResult(
        String name,
        Endpoint endpoint,
        String origin,
        CheckKind kind,
        List<Finding> findings,
        List<Exchange> exchanges) {

    public CheckResult {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(kind, "kind");
        findings = findings.stream()
                .sorted((first, second) -> first.severity().compareTo(second.severity()))
                .toList();
        exchanges = List.copyOf(exchanges);
    }

    /**
     * Returns the name of the check for {@code endpoint} from {@code origin}. A preflight's name says which method it
     * is for, as in {@code OPTIONS /_matrix/client/v3/devices/{deviceId} for DELETE from ...}, unless the method is GET,
     * so that names stay unique when a path has several methods.
     */
    static String nameOf(Endpoint endpoint, String origin, CheckKind kind) {
        if (kind == CheckKind.ACTUAL) {
            return endpoint.method() + " " + endpoint.pathTemplate() + " from " + origin;
        }
        String forMethod = endpoint.method().equals("GET") ? "" : " for " + endpoint.method();
        return "OPTIONS " + endpoint.pathTemplate() + forMethod + " from " + origin;
    }

    /** Returns whether no finding is {@code failAt} or worse; {@code passes(Severity.ERROR)} ignores warnings. */
    public boolean passes(Severity failAt) {
        return findingsAtLeast(failAt).isEmpty();
    }

    /** Returns the findings of {@code severity} or worse. */
    public List<Finding> findingsAtLeast(Severity severity) {
        return findings.stream()
                .filter(finding -> finding.severity().isAtLeast(severity))
                .toList();
    }

    /**
     * Returns a report of the findings of {@code severity} or worse: the name, each finding with its fix hints, and the
     * evidence (request sent, status and every response header line) of each hop a finding is about.
     */
    public String report(Severity severity) {
        List<Finding> shown = findingsAtLeast(severity);
        StringBuilder text = new StringBuilder(name).append('\n');
        for (Finding finding : shown) {
            text.append("  ").append(finding).append('\n');
            for (FixHint hint : finding.fixHints()) {
                text.append("    fix for ").append(hint).append('\n');
            }
        }
        List<Hop> evidence = shown.stream()
                .map(Finding::evidence)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        for (Hop hop : evidence) {
            text.append("  request:\n").append(indent(hop.request().toHttpText()));
            text.append("  response:\n").append(indent(hop.toHttpText()));
        }
        return text.toString();
    }

    @Override
    public String toString() {
        return name + " (" + findings.size() + " findings)";
    }

    private static String indent(String lines) {
        return lines.lines().map(line -> "    " + line + "\n").reduce("", String::concat);
    }
}
