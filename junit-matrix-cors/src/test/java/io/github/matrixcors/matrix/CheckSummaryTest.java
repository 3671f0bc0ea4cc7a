package io.github.matrixcors.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.matrixcors.cors.Finding;
import io.github.matrixcors.cors.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckSummaryTest {

    private static final EndpointCatalogue CATALOGUE = EndpointCatalogue.standard();

    @Test
    void summaryTableText() {
        Endpoint wellKnown = CATALOGUE.find("GET", "/.well-known/matrix/client").orElseThrow();
        Endpoint sync = CATALOGUE.find("GET", "/_matrix/client/v3/sync").orElseThrow();
        List<CheckResult> results = List.of(
                result(wellKnown, finding(Severity.ERROR), finding(Severity.WARNING)),
                result(sync, finding(Severity.INFO)),
                result(sync));

        CheckSummary summary = CheckSummary.of(results);

        assertEquals(
                "3 checks, 1 with at least one finding of severity ERROR\n"
                        + "findings: 1 error, 1 warning, 1 info\n"
                        + "  well-known   1 error, 1 warning, 0 info\n"
                        + "  sync         0 errors, 0 warnings, 1 info\n",
                summary.toString());
    }

    @Test
    void summaryOfNothing() {
        CheckSummary summary = CheckSummary.of(List.of());

        assertEquals(
                "0 checks, 0 with at least one finding of severity ERROR\n"
                        + "findings: 0 errors, 0 warnings, 0 info\n",
                summary.toString());
        assertEquals(0, summary.count(Severity.ERROR));
    }

    private static CheckResult result(Endpoint endpoint, Finding... findings) {
        return new CheckResult(
                endpoint.method() + " " + endpoint.pathTemplate() + " from https://app.element.io",
                endpoint,
                "https://app.element.io",
                CheckKind.ACTUAL,
                List.of(findings),
                List.of());
    }

    private static Finding finding(Severity severity) {
        return new Finding("matrix.test", severity, "A " + severity + " finding.", null, List.of());
    }
}
