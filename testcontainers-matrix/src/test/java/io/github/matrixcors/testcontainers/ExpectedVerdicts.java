package io.github.matrixcors.testcontainers;

import io.github.matrixcors.cors.Finding;
import io.github.matrixcors.cors.Severity;
import io.github.matrixcors.matrix.CheckKind;
import io.github.matrixcors.matrix.CheckResult;
import io.github.matrixcors.matrix.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * A table of the rule ids the checker is expected to report, at ERROR and at WARNING, for each check of one preset.
 * Rows are tried in order, and the first row whose selector matches a check gives that check's expectation. Every row
 * must match at least one check, so a row that no longer describes anything fails the test too.
 */
final class ExpectedVerdicts {

    /** A named condition on a check result. */
    record Selector(String description, Predicate<CheckResult> condition) {

        Selector and(Selector other) {
            return new Selector(description + " and " + other.description, condition.and(other.condition));
        }
    }

    /** One row: the checks the selector matches report exactly these rule ids at ERROR and at WARNING. */
    record Row(ProxyPreset preset, Selector selector, Set<String> errors, Set<String> warnings) {}

    static final Selector ANY = new Selector("any check", result -> true);

    static final Selector ACTUAL = new Selector("actual request", result -> result.kind() == CheckKind.ACTUAL);

    static final Selector PREFLIGHT = new Selector("preflight", result -> result.kind() == CheckKind.PREFLIGHT);

    /**
     * Preflight of a request that browsers send with a preflight: one with an access token, or with a method other
     * than GET and HEAD (the checker sends a JSON body with those).
     */
    static final Selector NEEDED_PREFLIGHT =
            PREFLIGHT.and(new Selector("request needs a preflight", result -> needsPreflight(result.endpoint())));

    /** Preflight of a request that browsers send without one; the checker reports its faults as warnings only. */
    static final Selector UNNEEDED_PREFLIGHT =
            PREFLIGHT.and(new Selector("request needs no preflight", result -> !needsPreflight(result.endpoint())));

    static final Selector AUTHENTICATED = new Selector(
            "request carries an access token", result -> result.endpoint().requiresAuth());

    static final Selector MEDIA = new Selector(
            "media path", result -> result.endpoint().pathTemplate().matches("/_matrix/(media|client/v1/media)/.*"));

    /** Synapse serves no {@code /.well-known/matrix/support} and answers 404 without CORS headers. */
    static final Selector SUPPORT_WELL_KNOWN = new Selector(
            "/.well-known/matrix/support",
            result -> result.endpoint().pathTemplate().equals("/.well-known/matrix/support"));

    static final Selector ERROR_STATUS = new Selector(
            "response status 400 or above",
            result -> !result.exchanges().isEmpty()
                    && result.exchanges().get(0).last().status() >= 400);

    private final List<Row> rows = new ArrayList<>();

    static Selector methods(String... methods) {
        Set<String> set = Set.of(methods);
        return new Selector(
                "method in " + set, result -> set.contains(result.endpoint().method()));
    }

    static Selector not(Selector selector) {
        return new Selector(
                "not (" + selector.description() + ")", selector.condition().negate());
    }

    static boolean needsPreflight(Endpoint endpoint) {
        return endpoint.requiresAuth()
                || !(endpoint.method().equals("GET") || endpoint.method().equals("HEAD"));
    }

    static Set<String> ids(String... ids) {
        return Set.of(ids);
    }

    ExpectedVerdicts row(ProxyPreset preset, Selector selector, Set<String> errors, Set<String> warnings) {
        rows.add(new Row(preset, selector, errors, warnings));
        return this;
    }

    List<Row> rows(ProxyPreset preset) {
        return rows.stream().filter(row -> row.preset() == preset).toList();
    }

    /** Returns one line per mismatch between the results and the table, empty when everything matches. */
    List<String> mismatches(ProxyPreset preset, List<CheckResult> results) {
        List<Row> presetRows = rows(preset);
        List<String> mismatches = new ArrayList<>();
        Set<Row> used = new java.util.HashSet<>();
        for (CheckResult result : results) {
            Row row = presetRows.stream()
                    .filter(candidate -> candidate.selector().condition().test(result))
                    .findFirst()
                    .orElse(null);
            if (row == null) {
                mismatches.add(result.name() + ": no row of the table matches");
                continue;
            }
            used.add(row);
            Set<String> errors = idsAt(result, Severity.ERROR);
            Set<String> warnings = idsAt(result, Severity.WARNING);
            if (!errors.equals(new TreeSet<>(row.errors())) || !warnings.equals(new TreeSet<>(row.warnings()))) {
                mismatches.add(result.name() + ": expected errors " + new TreeSet<>(row.errors()) + " and warnings "
                        + new TreeSet<>(row.warnings()) + " (row: "
                        + row.selector().description() + "), but got errors "
                        + errors + " and warnings " + warnings + "\n" + result.report(Severity.WARNING));
            }
        }
        for (Row row : presetRows) {
            if (!used.contains(row)) {
                mismatches.add("row '" + row.selector().description() + "' matched no check");
            }
        }
        return mismatches;
    }

    private static Set<String> idsAt(CheckResult result, Severity severity) {
        Set<String> ids = new TreeSet<>();
        for (Finding finding : result.findings()) {
            if (finding.severity() == severity) {
                ids.add(finding.ruleId());
            }
        }
        return ids;
    }
}
