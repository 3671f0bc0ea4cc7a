package io.github.matrixcors.junit;

import io.github.matrixcors.cors.ProxyKind;
import io.github.matrixcors.cors.Severity;
import io.github.matrixcors.matrix.CheckResult;
import io.github.matrixcors.matrix.EndpointGroup;
import io.github.matrixcors.matrix.MatrixCorsChecker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

/**
 * The CORS checks that {@link MatrixCorsCompliant} selected for a test class, resolved as a parameter of test methods
 * in that class. The checks run against the homeserver on the first call of {@link #results()} or
 * {@link #dynamicTests()}, once per instance.
 *
 * <p>{@link MatrixCorsSuite} passes it to its {@code @TestFactory}. A class can write its own factory instead, for
 * example to filter the results:
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicNode> preflights(MatrixCorsChecks checks) {
 *     return checks.dynamicTests();
 * }
 * }</pre>
 */
public final class MatrixCorsChecks {

    /** Name of the single test that stands for every check when none got an HTTP response. */
    public static final String UNREACHABLE_TEST_NAME = "homeserver answers HTTP requests";

    private final Supplier<List<CheckResult>> run;
    private final Severity failOn;
    private final Optional<ProxyKind> proxy;
    private List<CheckResult> results;

    MatrixCorsChecks(Supplier<List<CheckResult>> run, Severity failOn, Optional<ProxyKind> proxy) {
        this.run = run;
        this.failOn = failOn;
        this.proxy = proxy;
    }

    /**
     * Returns the result of every check, running the checks on the first call. The run also adds the results to the
     * class's compliance summary.
     */
    public synchronized List<CheckResult> results() {
        if (results == null) {
            results = List.copyOf(run.get());
        }
        return results;
    }

    /** Returns the minimum severity of a finding that fails a check. */
    public Severity failOn() {
        return failOn;
    }

    /**
     * Returns one dynamic test per check, named by {@link CheckResult#name()}, inside one container per endpoint group
     * named by {@link EndpointGroup#id()}, in catalogue order. A test fails with an
     * {@link org.opentest4j.AssertionFailedError} listing every finding when any finding is {@link #failOn()} or more
     * severe, and publishes each finding as a report entry.
     *
     * <p>When no check got an HTTP response (a wrong port, a stopped server), the stream contains one failing test named
     * {@value #UNREACHABLE_TEST_NAME} with the first failure, instead of one identical failure per check.
     */
    public Stream<DynamicNode> dynamicTests() {
        List<CheckResult> all = results();
        if (all.size() > 1 && all.stream().allMatch(MatrixCorsChecks::gotNoResponse)) {
            return Stream.of(unreachableTest(all));
        }
        Map<EndpointGroup, List<DynamicNode>> byGroup = new LinkedHashMap<>();
        for (CheckResult result : all) {
            byGroup.computeIfAbsent(result.endpoint().group(), group -> new ArrayList<>())
                    .add(DynamicTest.dynamicTest(result.name(), new CheckAssertion(result, failOn, proxy)));
        }
        return byGroup.entrySet().stream()
                .map(group -> DynamicContainer.dynamicContainer(group.getKey().id(), group.getValue()));
    }

    private static boolean gotNoResponse(CheckResult result) {
        return result.exchanges().isEmpty()
                && result.findings().stream()
                        .anyMatch(finding -> finding.ruleId().equals(MatrixCorsChecker.PROBE_FAILED));
    }

    private static DynamicTest unreachableTest(List<CheckResult> all) {
        String firstFailure = all.get(0).findings().stream()
                .filter(finding -> finding.ruleId().equals(MatrixCorsChecker.PROBE_FAILED))
                .findFirst()
                .orElseThrow()
                .message();
        String message = "None of the " + all.size() + " checks got an HTTP response, so they are reported as this one"
                + " failure. The first request: " + firstFailure;
        return DynamicTest.dynamicTest(UNREACHABLE_TEST_NAME, () -> {
            throw new AssertionFailedError(message);
        });
    }
}
