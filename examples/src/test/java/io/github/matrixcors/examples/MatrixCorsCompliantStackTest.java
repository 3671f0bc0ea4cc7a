package io.github.matrixcors.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.matrixcors.cors.ProxyKind;
import io.github.matrixcors.junit.MatrixCorsCompliant;
import io.github.matrixcors.junit.MatrixCorsSuite;
import io.github.matrixcors.matrix.Endpoint;
import io.github.matrixcors.matrix.EndpointCatalogue;
import io.github.matrixcors.matrix.EndpointGroup;
import io.github.matrixcors.testcontainers.MatrixStack;
import io.github.matrixcors.testcontainers.ProxyPreset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.AssertionFailedError;

/**
 * Runs {@link MatrixCorsCompliant} on real Synapse behind nginx, once with the correct preset and once with a broken
 * one, and checks which named checks pass and fail.
 */
class MatrixCorsCompliantStackTest {

    private static final String ORIGIN = "https://app.element.io";
    private static final String SYNC_PREFLIGHT = "OPTIONS /_matrix/client/v3/sync from " + ORIGIN;
    private static final String VERSIONS_PREFLIGHT = "OPTIONS /_matrix/client/versions from " + ORIGIN;

    // Fixtures: each runs through EngineTestKit only, because Surefire skips nested classes.

    @MatrixCorsCompliant(
            groups = EndpointGroup.SYNC,
            paths = {"GET /_matrix/client/versions", "POST /_matrix/client/v3/createRoom"},
            registerUser = true)
    static class CorrectNginx implements MatrixCorsSuite {
        static final MatrixStack stack = MatrixStack.synapseBehind(ProxyKind.NGINX, ProxyPreset.CORRECT);
    }

    @MatrixCorsCompliant(
            groups = EndpointGroup.SYNC,
            paths = {"GET /_matrix/client/versions", "POST /_matrix/client/v3/createRoom"})
    static class OptionsNotHandledNginx implements MatrixCorsSuite {
        static final MatrixStack stack =
                MatrixStack.synapseBehind(ProxyKind.NGINX, ProxyPreset.BROKEN_OPTIONS_NOT_HANDLED);
    }

    private static EngineExecutionResults run(Class<?> fixture) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(fixture))
                .execute();
    }

    private static List<String> names(List<Event> events) {
        return events.stream()
                .map(event -> event.getTestDescriptor().getDisplayName())
                .sorted()
                .toList();
    }

    /**
     * Returns the names of the preflight checks of the selected endpoints. A preflight for another method than GET names
     * that method, as in {@code OPTIONS /_matrix/client/v3/createRoom for POST from ...}.
     */
    private static List<String> preflightNames() {
        return selectedEndpoints().stream()
                .map(endpoint -> "OPTIONS " + endpoint.pathTemplate()
                        + (endpoint.method().equals("GET") ? "" : " for " + endpoint.method()) + " from " + ORIGIN)
                .sorted()
                .toList();
    }

    /** Returns the names of the actual-request checks of the selected endpoints. */
    private static List<String> actualNames() {
        return selectedEndpoints().stream()
                .map(endpoint -> endpoint.method() + " " + endpoint.pathTemplate() + " from " + ORIGIN)
                .sorted()
                .toList();
    }

    // The endpoints both fixtures select: the sync group, GET /versions and POST /createRoom.
    private static List<Endpoint> selectedEndpoints() {
        EndpointCatalogue catalogue = EndpointCatalogue.standard();
        List<Endpoint> endpoints = new ArrayList<>(catalogue.group(EndpointGroup.SYNC));
        endpoints.add(catalogue.find("GET", "/_matrix/client/versions").orElseThrow());
        endpoints.add(catalogue.find("POST", "/_matrix/client/v3/createRoom").orElseThrow());
        return endpoints;
    }

    private static List<String> sorted(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all.stream().sorted().toList();
    }

    @Test
    void correctPresetPassesEveryCheck() {
        EngineExecutionResults results = run(CorrectNginx.class);

        results.containerEvents().assertStatistics(stats -> stats.failed(0).aborted(0));
        results.testEvents().assertStatistics(stats -> stats.failed(0));
        assertEquals(
                sorted(preflightNames(), actualNames()),
                names(results.testEvents().succeeded().list()));
        assertFalse(CorrectNginx.stack.isRunning(), "the extension stops the stack it started");
    }

    @Test
    void unhandledOptionsFailsPreflightChecks() {
        EngineExecutionResults results = run(OptionsNotHandledNginx.class);

        results.containerEvents().assertStatistics(stats -> stats.failed(0).aborted(0));
        // Browsers send GET /versions without a preflight, so its failed preflight is only a warning.
        List<String> failedPreflights = preflightNames().stream()
                .filter(name -> !name.equals(VERSIONS_PREFLIGHT))
                .toList();
        assertEquals(failedPreflights, names(results.testEvents().failed().list()));
        assertEquals(
                sorted(actualNames(), List.of(VERSIONS_PREFLIGHT)),
                names(results.testEvents().succeeded().list()));

        Event syncPreflight = results.testEvents().failed().stream()
                .filter(event -> event.getTestDescriptor().getDisplayName().equals(SYNC_PREFLIGHT))
                .findFirst()
                .orElseThrow();
        Throwable error = syncPreflight
                .getRequiredPayload(TestExecutionResult.class)
                .getThrowable()
                .orElseThrow();
        assertInstanceOf(AssertionFailedError.class, error);
        String firstLine = error.getMessage().lines().findFirst().orElseThrow();
        assertTrue(firstLine.startsWith(SYNC_PREFLIGHT + ": "), firstLine);
        assertTrue(error.getMessage().contains("   Request:\n      OPTIONS http://"), error.getMessage());
        assertFalse(OptionsNotHandledNginx.stack.isRunning(), "the extension stops the stack it started");
    }
}
