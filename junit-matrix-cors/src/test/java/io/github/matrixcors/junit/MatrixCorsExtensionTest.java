package io.github.matrixcors.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.matrixcors.MatrixHomeserver;
import io.github.matrixcors.http.Hop;
import io.github.matrixcors.http.Probe;
import io.github.matrixcors.http.SentRequest;
import io.github.matrixcors.matrix.EndpointGroup;
import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.junit.platform.testkit.engine.Events;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

class MatrixCorsExtensionTest {

    private static final String VERSIONS = "GET /_matrix/client/versions from https://app.element.io";
    private static final String VERSIONS_PREFLIGHT = "OPTIONS /_matrix/client/versions from https://app.element.io";
    private static final String SYNC_PREFLIGHT = "OPTIONS /_matrix/client/v3/sync from https://app.element.io";
    private static final String SYNC = "GET /_matrix/client/v3/sync from https://app.element.io";

    /** A compliant homeserver that is running before the fixtures read it, for fixtures that give a URL. */
    static final LoopbackHomeserver LIVE = LoopbackHomeserver.compliant();

    @BeforeAll
    static void startLiveHomeserver() {
        LIVE.start();
    }

    @AfterAll
    static void stopLiveHomeserver() {
        LIVE.stop();
    }

    private static EngineExecutionResults run(Class<?> fixture) {
        return run(fixture, Map.of());
    }

    private static EngineExecutionResults run(Class<?> fixture, Map<String, String> parameters) {
        return EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(fixture))
                .configurationParameters(parameters)
                .execute();
    }

    private static List<String> names(Events events) {
        return events.stream()
                .map(event -> event.getTestDescriptor().getDisplayName())
                .sorted()
                .toList();
    }

    private static Throwable failure(Event event) {
        return event.getRequiredPayload(TestExecutionResult.class)
                .getThrowable()
                .orElseThrow(() -> new AssertionError("no throwable in " + event));
    }

    /** Returns the failure of the fixture class itself, asserting that it is the only failed container. */
    private static Throwable classFailure(EngineExecutionResults results) {
        List<Event> failed = results.containerEvents().failed().list();
        assertEquals(1, failed.size(), () -> "failed containers: " + failed);
        return failure(failed.get(0));
    }

    /** Returns the failure of the only test that failed. */
    private static Throwable testFailure(EngineExecutionResults results) {
        List<Event> failed = results.testEvents().failed().list();
        assertEquals(1, failed.size(), () -> "failed tests: " + failed);
        return failure(failed.get(0));
    }

    /** Returns the failure of the factory of checks, asserting that it is the only failed container. */
    private static Throwable factoryFailure(EngineExecutionResults results) {
        List<Event> failed = results.containerEvents().failed().list();
        assertEquals(1, failed.size(), () -> "failed containers: " + failed);
        assertEquals("Matrix CORS compliance", failed.get(0).getTestDescriptor().getDisplayName());
        return failure(failed.get(0));
    }

    private static List<ReportEntry> reportEntries(Events events) {
        return events.reportingEntryPublished().stream()
                .map(event -> event.getRequiredPayload(ReportEntry.class))
                .toList();
    }

    // Fixtures: each runs through EngineTestKit only, because Surefire skips nested classes.

    @MatrixCorsCompliant(paths = {"GET /_matrix/client/versions", "GET /_matrix/client/v3/sync"})
    static class CompliantFixture implements MatrixCorsSuite {
        static final LoopbackHomeserver homeserver = LoopbackHomeserver.compliant();
    }

    @MatrixCorsCompliant(paths = {"GET /_matrix/client/versions", "GET /_matrix/client/v3/sync"})
    static class NonCompliantFixture implements MatrixCorsSuite {
        static final LoopbackHomeserver homeserver = LoopbackHomeserver.withoutCors();
    }

    @Test
    void compliantHomeserverPassesEveryCheck() {
        int startsBefore = CompliantFixture.homeserver.starts();
        int stopsBefore = CompliantFixture.homeserver.stops();

        EngineExecutionResults results = run(CompliantFixture.class);

        results.testEvents()
                .assertStatistics(stats -> stats.started(4).succeeded(4).failed(0));
        assertEquals(
                List.of(SYNC, VERSIONS, SYNC_PREFLIGHT, VERSIONS_PREFLIGHT),
                names(results.testEvents().succeeded()));
        assertEquals(startsBefore + 1, CompliantFixture.homeserver.starts());
        assertEquals(stopsBefore + 1, CompliantFixture.homeserver.stops());
        assertFalse(CompliantFixture.homeserver.isRunning());
    }

    @Test
    void checksAreGroupedByEndpointGroup() {
        EngineExecutionResults results = run(CompliantFixture.class);

        List<String> containers = names(results.containerEvents().started());
        assertEquals(
                List.of(
                        "JUnit Jupiter",
                        "Matrix CORS compliance",
                        "MatrixCorsExtensionTest$CompliantFixture",
                        "other",
                        "sync"),
                containers);
    }

    @Test
    void compliantSummaryIsPublishedOnce() {
        EngineExecutionResults results = run(CompliantFixture.class);

        List<ReportEntry> summaries = reportEntries(results.containerEvents()).stream()
                .filter(entry -> entry.getKeyValuePairs().containsKey(ComplianceSummary.SUMMARY_KEY))
                .toList();
        assertEquals(1, summaries.size());
        Map<String, String> summary = summaries.get(0).getKeyValuePairs();
        assertEquals("4", summary.get("matrixcors.checks"));
        assertEquals("0", summary.get("matrixcors.failed"));
        assertEquals("0", summary.get("matrixcors.errors"));
        assertEquals("0", summary.get("matrixcors.group.sync.errors"));
        assertTrue(
                summary.get(ComplianceSummary.SUMMARY_KEY)
                        .startsWith("Matrix CORS compliance of CompliantFixture: 0 of 4 checks failed at severity ERROR"
                                + " or above."),
                summary.get(ComplianceSummary.SUMMARY_KEY));
    }

    @Test
    void nonCompliantHomeserverFailsEveryCheck() {
        EngineExecutionResults results = run(NonCompliantFixture.class);

        // Browsers send GET /versions without a preflight, so a failed preflight of it is only a warning.
        results.testEvents()
                .assertStatistics(stats -> stats.started(4).succeeded(1).failed(3));
        assertEquals(
                List.of(SYNC, VERSIONS, SYNC_PREFLIGHT),
                names(results.testEvents().failed()));
        assertEquals(List.of(VERSIONS_PREFLIGHT), names(results.testEvents().succeeded()));
        for (Event event : results.testEvents().failed().list()) {
            AssertionFailedError error = assertInstanceOf(AssertionFailedError.class, failure(event));
            String name = event.getTestDescriptor().getDisplayName();
            assertTrue(error.getMessage().startsWith(name + ": "), error.getMessage());
            assertTrue(error.getMessage().contains("ERROR cors.allow-origin.missing: "), error.getMessage());
            assertTrue(error.getMessage().contains("Fix for nginx: "), error.getMessage());
            assertTrue(error.getMessage().contains("Origin: https://app.element.io"), error.getMessage());
        }
    }

    @Test
    void failureMessageShowsFixesAndEvidence() {
        EngineExecutionResults results = run(NonCompliantFixture.class);

        Event versions = results.testEvents().failed().stream()
                .filter(event -> event.getTestDescriptor().getDisplayName().equals(VERSIONS))
                .findFirst()
                .orElseThrow();
        String message = failure(versions).getMessage().replaceAll("127\\.0\\.0\\.1:\\d+", "127.0.0.1:PORT");
        List<String> lines = message.lines().toList();

        assertEquals(VERSIONS + ": 1 finding at severity ERROR or above, 1 in total", lines.get(0));
        assertEquals("", lines.get(1));
        assertEquals(
                "1. ERROR cors.allow-origin.missing: Access-Control-Allow-Origin is absent on the 200 response to"
                        + " GET /_matrix/client/versions, so the browser blocks the response.",
                lines.get(2));
        assertTrue(lines.get(3).startsWith("   Fix for nginx: "), lines.get(3));
        assertTrue(lines.get(4).startsWith("   Fix for Caddy: "), lines.get(4));
        assertTrue(lines.get(5).startsWith("   Fix for Apache httpd: "), lines.get(5));
        assertEquals("   Request:", lines.get(6));
        assertEquals("      GET http://127.0.0.1:PORT/_matrix/client/versions", lines.get(7));
        assertTrue(lines.contains("      Origin: https://app.element.io"), message);
        int response = lines.indexOf("   Response:");
        assertTrue(response > 7, message);
        assertEquals("      200 OK", lines.get(response + 1));
        assertTrue(lines.contains("      Content-type: application/json"), message);
    }

    @Test
    void failOnWarningFailsWarningsToo() {
        EngineExecutionResults results = run(NonCompliantFixture.class, Map.of("matrixcors.failOn", "warning"));

        results.testEvents().assertStatistics(stats -> stats.started(4).failed(4));
        Event preflight = results.testEvents().failed().stream()
                .filter(event -> event.getTestDescriptor().getDisplayName().equals(VERSIONS_PREFLIGHT))
                .findFirst()
                .orElseThrow();
        String message = failure(preflight).getMessage();
        assertTrue(message.startsWith(VERSIONS_PREFLIGHT + ": "), message);
        assertTrue(message.lines().findFirst().orElseThrow().contains(" at severity WARNING or above, "), message);
    }

    @Test
    void findingsArePublishedAsReportEntries() {
        EngineExecutionResults results = run(NonCompliantFixture.class);

        List<ReportEntry> entries = reportEntries(results.testEvents());
        assertTrue(entries.size() >= 3, () -> "entries: " + entries);
        long missingOrigin = entries.stream()
                .map(entry -> entry.getKeyValuePairs().get("matrixcors.error"))
                .filter(value -> value != null && value.startsWith("cors.allow-origin.missing: "))
                .count();
        assertEquals(3, missingOrigin, () -> "entries: " + entries);
    }

    @Test
    void nonCompliantSummaryCountsFailures() {
        EngineExecutionResults results = run(NonCompliantFixture.class);

        Map<String, String> summary = reportEntries(results.containerEvents()).stream()
                .map(ReportEntry::getKeyValuePairs)
                .filter(pairs -> pairs.containsKey(ComplianceSummary.SUMMARY_KEY))
                .findFirst()
                .orElseThrow();
        assertEquals("3", summary.get("matrixcors.failed"));
        assertTrue(Integer.parseInt(summary.get("matrixcors.group.sync.errors")) >= 2, summary.toString());
        assertTrue(Integer.parseInt(summary.get("matrixcors.group.other.errors")) >= 1, summary.toString());
    }

    @MatrixCorsCompliant(paths = "GET /_matrix/client/versions")
    static class LiveServerFixture implements MatrixCorsSuite {}

    @Test
    void propertyNamesLiveServer() {
        EngineExecutionResults results = run(
                LiveServerFixture.class,
                Map.of("matrixcors.homeserver", LIVE.baseUri().toString()));

        results.testEvents().assertStatistics(stats -> stats.started(2).succeeded(2));
        assertEquals(
                List.of(VERSIONS, VERSIONS_PREFLIGHT),
                names(results.testEvents().succeeded()));
    }

    @MatrixCorsCompliant(groups = {EndpointGroup.WELL_KNOWN, EndpointGroup.SYNC})
    static class UnreachableServerFixture implements MatrixCorsSuite {}

    @Test
    void unreachableServerFailsOnce() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        String baseUrl = "http://127.0.0.1:" + closedPort;

        EngineExecutionResults results = run(UnreachableServerFixture.class, Map.of("matrixcors.homeserver", baseUrl));

        results.testEvents().assertStatistics(stats -> stats.started(1).failed(1));
        assertEquals(
                List.of(MatrixCorsChecks.UNREACHABLE_TEST_NAME),
                names(results.testEvents().failed()));
        String message = testFailure(results).getMessage();
        assertTrue(message.startsWith("None of the "), message);
        assertTrue(message.contains("checks got an HTTP response"), message);
        assertTrue(message.contains("Connection refused for " + baseUrl), message);
    }

    @Test
    void propertyOverridesOrigins() {
        EngineExecutionResults results = run(
                LiveServerFixture.class,
                Map.of(
                        "matrixcors.homeserver",
                        LIVE.baseUri().toString(),
                        "matrixcors.origins",
                        "https://chat.example.org,http://localhost:8080"));

        assertEquals(
                List.of(
                        "GET /_matrix/client/versions from http://localhost:8080",
                        "GET /_matrix/client/versions from https://chat.example.org",
                        "OPTIONS /_matrix/client/versions from http://localhost:8080",
                        "OPTIONS /_matrix/client/versions from https://chat.example.org"),
                names(results.testEvents().succeeded()));
    }

    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.TYPE)
    @MatrixCorsCompliant(paths = "GET /_matrix/client/versions", origins = "https://chat.example.org")
    @interface ChatClientCors {}

    @ChatClientCors
    static class ComposedAnnotationFixture implements MatrixCorsSuite {
        @HomeserverUrl
        static URI homeserverUrl() {
            return LIVE.baseUri();
        }
    }

    static class SubclassFixture extends ComposedAnnotationFixture {}

    @Test
    void composedAnnotationIsRead() {
        EngineExecutionResults results = run(ComposedAnnotationFixture.class);

        assertEquals(
                List.of(
                        "GET /_matrix/client/versions from https://chat.example.org",
                        "OPTIONS /_matrix/client/versions from https://chat.example.org"),
                names(results.testEvents().succeeded()));
    }

    @Test
    void annotationIsInherited() {
        EngineExecutionResults results = run(SubclassFixture.class);

        assertEquals(
                List.of(
                        "GET /_matrix/client/versions from https://chat.example.org",
                        "OPTIONS /_matrix/client/versions from https://chat.example.org"),
                names(results.testEvents().succeeded()));
    }

    @Test
    void accessTokenPropertyIsSent() {
        int before = LIVE.authorizedRequests();

        EngineExecutionResults results = run(
                LiveServerFixture.class,
                Map.of(
                        "matrixcors.homeserver", LIVE.baseUri().toString(),
                        "matrixcors.paths", "GET /_matrix/client/v3/sync",
                        "matrixcors.accessToken", "token-from-property"));

        assertEquals(List.of(SYNC, SYNC_PREFLIGHT), names(results.testEvents().succeeded()));
        assertEquals(before + 1, LIVE.authorizedRequests());
    }

    @MatrixCorsCompliant(paths = "GET /_matrix/client/versions")
    static class ParametersFixture implements MatrixCorsSuite {
        static final List<Probe> probes = new CopyOnWriteArrayList<>();

        @HomeserverUrl
        static URI homeserverUrl() {
            return LIVE.baseUri();
        }

        @Test
        void uri(@HomeserverUrl URI uri) {
            assertEquals(LIVE.baseUri(), uri);
        }

        @Test
        void string(@HomeserverUrl String url) {
            assertEquals(LIVE.baseUri().toString(), url);
        }

        @Test
        void probe(Probe probe, @HomeserverUrl URI uri) {
            probes.add(probe);
            Hop hop = probe.send(new SentRequest("GET", uri.resolve("/_matrix/client/versions"), List.of()));
            assertEquals(200, hop.status());
        }

        @Test
        void sameProbe(Probe probe) {
            probes.add(probe);
        }
    }

    @Test
    void parametersAreResolved() {
        ParametersFixture.probes.clear();

        EngineExecutionResults results = run(ParametersFixture.class);

        results.testEvents().assertStatistics(stats -> stats.started(6).succeeded(6));
        assertEquals(2, ParametersFixture.probes.size());
        assertSame(ParametersFixture.probes.get(0), ParametersFixture.probes.get(1));
    }

    @MatrixCorsCompliant(paths = "GET /_matrix/client/versions")
    static class WrongParameterTypeFixture implements MatrixCorsSuite {
        @HomeserverUrl
        static URI homeserverUrl() {
            return LIVE.baseUri();
        }

        @Test
        void port(@HomeserverUrl Integer port) {}
    }

    @Test
    void wrongParameterTypeIsRejected() {
        Throwable error = testFailure(run(WrongParameterTypeFixture.class));

        assertInstanceOf(ParameterResolutionException.class, error);
        assertEquals(
                "@HomeserverUrl parameter arg0 of port has type Integer, but must be URI or String: change its type.",
                error.getMessage());
    }

    @MatrixCorsCompliant(paths = "GET /_matrix/client/versions")
    static class InstanceFieldFixture implements MatrixCorsSuite {
        static final List<LoopbackHomeserver> created = new CopyOnWriteArrayList<>();

        final LoopbackHomeserver homeserver = created(LoopbackHomeserver.compliant());

        private static LoopbackHomeserver created(LoopbackHomeserver homeserver) {
            created.add(homeserver);
            return homeserver;
        }

        @Test
        void ownTest(@HomeserverUrl URI uri) {
            assertTrue(homeserver.isRunning());
            assertEquals(homeserver.baseUri(), uri);
        }
    }

    @Test
    void instanceFieldIsStartedPerTest() {
        InstanceFieldFixture.created.clear();

        EngineExecutionResults results = run(InstanceFieldFixture.class);

        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
        assertEquals(2, InstanceFieldFixture.created.size());
        assertNotSame(InstanceFieldFixture.created.get(0), InstanceFieldFixture.created.get(1));
        for (LoopbackHomeserver homeserver : InstanceFieldFixture.created) {
            assertEquals(1, homeserver.starts());
            assertEquals(1, homeserver.stops());
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    @MatrixCorsCompliant(paths = "GET /_matrix/client/versions")
    static class PerClassInstanceFixture implements MatrixCorsSuite {
        static final List<LoopbackHomeserver> created = new CopyOnWriteArrayList<>();

        final LoopbackHomeserver homeserver = LoopbackHomeserver.compliant();

        PerClassInstanceFixture() {
            created.add(homeserver);
        }

        @Test
        void ownTest(@HomeserverUrl URI uri) {
            assertEquals(homeserver.baseUri(), uri);
        }
    }

    @Test
    void perClassInstanceFieldIsStartedOnce() {
        PerClassInstanceFixture.created.clear();

        EngineExecutionResults results = run(PerClassInstanceFixture.class);

        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
        assertEquals(1, PerClassInstanceFixture.created.size());
        assertEquals(1, PerClassInstanceFixture.created.get(0).starts());
        assertEquals(1, PerClassInstanceFixture.created.get(0).stops());
    }

    @MatrixCorsCompliant(paths = "GET /_matrix/client/versions")
    static class RunningHomeserverFixture implements MatrixCorsSuite {
        static final LoopbackHomeserver homeserver = LoopbackHomeserver.compliant();
    }

    @Test
    void runningHomeserverIsLeftRunning() {
        RunningHomeserverFixture.homeserver.start();
        try {
            EngineExecutionResults results = run(RunningHomeserverFixture.class);

            results.testEvents().assertStatistics(stats -> stats.succeeded(2));
            assertEquals(1, RunningHomeserverFixture.homeserver.starts());
            assertEquals(0, RunningHomeserverFixture.homeserver.stops());
        } finally {
            RunningHomeserverFixture.homeserver.stop();
        }
    }

    @MatrixCorsCompliant(paths = "GET /_matrix/client/v3/sync", registerUser = true)
    static class RegisterUserFixture implements MatrixCorsSuite {
        static final LoopbackHomeserver homeserver = LoopbackHomeserver.compliant();
    }

    @Test
    void registeredUserTokenIsSent() {
        EngineExecutionResults results = run(RegisterUserFixture.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(2));
        assertEquals(1, RegisterUserFixture.homeserver.registrations());
        assertEquals(1, RegisterUserFixture.homeserver.authorizedRequests());
    }

    @MatrixCorsCompliant(paths = "GET /_matrix/client/versions")
    static class EnclosingFixture implements MatrixCorsSuite {
        @HomeserverUrl
        static URI homeserverUrl() {
            return LIVE.baseUri();
        }

        @Nested
        class NestedFixture {
            @Test
            void enclosingHomeserver(@HomeserverUrl URI uri) {
                assertEquals(LIVE.baseUri(), uri);
            }
        }
    }

    @Test
    void nestedClassUsesEnclosingHomeserver() {
        EngineExecutionResults results = run(EnclosingFixture.class);

        results.testEvents().assertStatistics(stats -> stats.started(3).succeeded(3));
        assertEquals(
                List.of(VERSIONS, VERSIONS_PREFLIGHT, "enclosingHomeserver(URI)"),
                names(results.testEvents().succeeded()));
    }

    // Misuse

    static class NoHomeserverFixture implements MatrixCorsSuite {}

    @Test
    void missingHomeserverFailsClass() {
        Throwable error = classFailure(run(NoHomeserverFixture.class));

        assertInstanceOf(ExtensionConfigurationException.class, error);
        assertEquals(
                "No homeserver found for NoHomeserverFixture: declare a field of type MatrixHomeserver (such as a"
                        + " Synapse container), annotate a String or URI field or method with @HomeserverUrl, or set the"
                        + " system property matrixcors.homeserver or the environment variable MATRIXCORS_HOMESERVER to"
                        + " a running server's base URL.",
                error.getMessage());
    }

    static class TwoHomeserversFixture implements MatrixCorsSuite {
        static MatrixHomeserver first = LoopbackHomeserver.compliant();
        static LoopbackHomeserver second = LoopbackHomeserver.compliant();

        @HomeserverUrl
        static String url = "http://127.0.0.1:9";
    }

    @Test
    void twoHomeserversFailClass() {
        Throwable error = classFailure(run(TwoHomeserversFixture.class));

        assertInstanceOf(ExtensionConfigurationException.class, error);
        assertEquals(
                "Found 3 homeservers in TwoHomeserversFixture: field TwoHomeserversFixture.first, field"
                        + " TwoHomeserversFixture.second, field TwoHomeserversFixture.url. The extension checks one"
                        + " homeserver per class: keep one, remove @HomeserverUrl from the URL members you do not want"
                        + " checked, and declare the homeserver fields you do not want checked with a type that does not"
                        + " implement MatrixHomeserver.",
                error.getMessage());
    }

    static class WrongFieldTypeFixture implements MatrixCorsSuite {
        @HomeserverUrl
        static int port = 8008;
    }

    @Test
    void wrongFieldTypeFailsClass() {
        Throwable error = classFailure(run(WrongFieldTypeFixture.class));

        assertInstanceOf(ExtensionConfigurationException.class, error);
        assertEquals(
                "@HomeserverUrl field WrongFieldTypeFixture.port has type int, but must be String or URI: change its"
                        + " type, or move the conversion into a method such as @HomeserverUrl static URI"
                        + " homeserverUrl().",
                error.getMessage());
    }

    static class WrongReturnTypeFixture implements MatrixCorsSuite {
        @HomeserverUrl
        static Integer port() {
            return 8008;
        }
    }

    @Test
    void wrongReturnTypeFailsClass() {
        Throwable error = classFailure(run(WrongReturnTypeFixture.class));

        assertEquals(
                "@HomeserverUrl method WrongReturnTypeFixture.port() returns Integer, but must return String or URI:"
                        + " change its return type.",
                error.getMessage());
    }

    static class MethodWithParametersFixture implements MatrixCorsSuite {
        @HomeserverUrl
        static String url(String host) {
            return "http://" + host;
        }
    }

    @Test
    void methodWithParametersFailsClass() {
        Throwable error = classFailure(run(MethodWithParametersFixture.class));

        assertEquals(
                "@HomeserverUrl method MethodWithParametersFixture.url() takes 1 parameters, but must take none: read"
                        + " what it needs from fields of the test class.",
                error.getMessage());
    }

    static class NullHomeserverFixture implements MatrixCorsSuite {
        static MatrixHomeserver homeserver;
    }

    @Test
    void nullHomeserverFailsClass() {
        Throwable error = classFailure(run(NullHomeserverFixture.class));

        assertInstanceOf(ExtensionConfigurationException.class, error);
        assertEquals(
                "MatrixHomeserver field NullHomeserverFixture.homeserver is null: assign the homeserver where it is"
                        + " declared or in a static initializer, so that the extension can start it.",
                error.getMessage());
    }

    static class NullInstanceHomeserverFixture implements MatrixCorsSuite {
        MatrixHomeserver homeserver;
    }

    @Test
    void nullInstanceHomeserverFailsTest() {
        Throwable error = factoryFailure(run(NullInstanceHomeserverFixture.class));

        assertInstanceOf(ExtensionConfigurationException.class, error);
        assertEquals(
                "MatrixHomeserver field NullInstanceHomeserverFixture.homeserver is null: assign the homeserver where"
                        + " it is declared or in the constructor, so that the extension can start it.",
                error.getMessage());
    }

    static class NullUrlFixture implements MatrixCorsSuite {
        @HomeserverUrl
        static String url;
    }

    @Test
    void nullUrlFailsChecks() {
        Throwable error = factoryFailure(run(NullUrlFixture.class));

        assertInstanceOf(ExtensionConfigurationException.class, error);
        assertEquals(
                "@HomeserverUrl field NullUrlFixture.url is null: give the base URL of a running homeserver, such as"
                        + " http://localhost:8008.",
                error.getMessage());
    }

    static class RelativeUrlFixture implements MatrixCorsSuite {
        @HomeserverUrl
        static String url = "localhost:8008";
    }

    @Test
    void relativeUrlFailsChecks() {
        Throwable error = factoryFailure(run(RelativeUrlFixture.class));

        assertEquals(
                "The homeserver base URL \"localhost:8008\" from field RelativeUrlFixture.url is invalid because it is"
                        + " not an absolute http or https URL: give the URL a web client is configured with, such as"
                        + " http://localhost:8008 or https://matrix.example.org.",
                error.getMessage());
    }

    @MatrixCorsCompliant(origins = "https://app.element.io/")
    static class BadOriginFixture implements MatrixCorsSuite {
        @HomeserverUrl
        static String url = "http://127.0.0.1:9";
    }

    @Test
    void badOriginFailsClass() {
        Throwable error = classFailure(run(BadOriginFixture.class));

        assertInstanceOf(ExtensionConfigurationException.class, error);
        assertEquals(
                "Invalid origin \"https://app.element.io/\" in @MatrixCorsCompliant(origins) of BadOriginFixture"
                        + " because browsers send no path or trailing slash in an origin: write https://app.element.io.",
                error.getMessage());
    }

    @MatrixCorsCompliant(paths = "_matrix/client/v3/sync")
    static class BadPathFixture implements MatrixCorsSuite {
        @HomeserverUrl
        static String url = "http://127.0.0.1:9";
    }

    @Test
    void badPathFailsClass() {
        Throwable error = classFailure(run(BadPathFixture.class));

        assertInstanceOf(ExtensionConfigurationException.class, error);
        assertEquals(
                "Invalid path \"_matrix/client/v3/sync\" in @MatrixCorsCompliant(paths) of BadPathFixture because the"
                        + " path does not start with /: write a path such as /_matrix/client/v3/sync, optionally"
                        + " preceded by a method, as in GET /_matrix/client/v3/sync.",
                error.getMessage());
    }

    @Test
    void badPropertyFailsClass() {
        Throwable error = classFailure(run(
                LiveServerFixture.class,
                Map.of("matrixcors.homeserver", LIVE.baseUri().toString(), "matrixcors.profile", "opera")));

        assertEquals(
                "Invalid value \"opera\" of property matrixcors.profile: write one of spec, chromium, firefox, webkit.",
                error.getMessage());
    }

    @MatrixCorsCompliant(paths = "GET /_matrix/client/v3/sync", registerUser = true)
    static class RegisteredUserWithoutCorsFixture implements MatrixCorsSuite {
        static final LoopbackHomeserver homeserver = new LoopbackHomeserver(false, true);
    }

    @Test
    void failureMessageHidesAccessToken() {
        EngineExecutionResults results = run(RegisteredUserWithoutCorsFixture.class);

        Event sync = results.testEvents().failed().stream()
                .filter(event -> event.getTestDescriptor().getDisplayName().equals(SYNC))
                .findFirst()
                .orElseThrow();
        String message = failure(sync).getMessage();
        assertTrue(message.contains("      Authorization: Bearer <hidden>"), message);
        assertFalse(message.contains("token-matrixcors-"), message);
    }

    @MatrixCorsCompliant(registerUser = true)
    static class RegisterUserWithUrlFixture implements MatrixCorsSuite {
        @HomeserverUrl
        static String url = "http://127.0.0.1:9";
    }

    @Test
    void registerUserWithUrlFailsClass() {
        Throwable error = classFailure(run(RegisterUserWithUrlFixture.class));

        assertEquals(
                "@MatrixCorsCompliant(registerUser = true) of RegisterUserWithUrlFixture needs a MatrixHomeserver field"
                        + " that can register users, but the homeserver comes from field RegisterUserWithUrlFixture.url:"
                        + " set registerUser = false, or give an existing account's access token in the property"
                        + " matrixcors.accessToken.",
                error.getMessage());
    }

    @MatrixCorsCompliant(paths = "GET /_matrix/client/versions", registerUser = true)
    static class RegisterUserUnsupportedFixture implements MatrixCorsSuite {
        static final LoopbackHomeserver homeserver = LoopbackHomeserver.withoutCors();
    }

    @Test
    void registerUserUnsupportedFailsChecks() {
        Throwable error = factoryFailure(run(RegisterUserUnsupportedFixture.class));

        assertInstanceOf(ExtensionConfigurationException.class, error);
        assertEquals(
                "@MatrixCorsCompliant(registerUser = true) needs a homeserver that can register users, but field"
                        + " RegisterUserUnsupportedFixture.homeserver (LoopbackHomeserver) cannot: set registerUser ="
                        + " false, or use a homeserver that supports registration, such as a Synapse container.",
                error.getMessage());
    }

    @MatrixCorsCompliant
    static class AnnotatedWithoutSuiteFixture {
        @HomeserverUrl
        static String url = "http://127.0.0.1:9";

        @Test
        void ownTest() {}
    }

    @Test
    void annotationWithoutSuiteFailsClass() {
        Throwable error = classFailure(run(AnnotatedWithoutSuiteFixture.class));

        assertEquals(
                "AnnotatedWithoutSuiteFixture is annotated with @MatrixCorsCompliant but has no test that runs the"
                        + " checks: add `implements MatrixCorsSuite` to the class, or declare a @TestFactory method that"
                        + " takes a MatrixCorsChecks parameter.",
                error.getMessage());
    }

    /** A homeserver that fails to start the way a Testcontainers container does on a machine without Docker. */
    static final class DockerlessHomeserver implements MatrixHomeserver {
        @Override
        public URI baseUri() {
            throw new IllegalStateException("not started");
        }

        @Override
        public boolean isRunning() {
            return false;
        }

        @Override
        public void start() {
            throw new RuntimeException(
                    "Container startup failed",
                    new IllegalStateException(
                            "Could not find a valid Docker environment. Please see logs and check configuration"));
        }
    }

    static class DockerMissingFixture implements MatrixCorsSuite {
        static MatrixHomeserver homeserver = new DockerlessHomeserver();
    }

    @MatrixCorsCompliant(disabledWithoutDocker = true)
    static class DockerMissingSkippedFixture implements MatrixCorsSuite {
        static MatrixHomeserver homeserver = new DockerlessHomeserver();
    }

    @Test
    void missingDockerFailsClass() {
        Throwable error = classFailure(run(DockerMissingFixture.class));

        assertInstanceOf(IllegalStateException.class, error);
        assertEquals(
                "Could not start the homeserver in field DockerMissingFixture.homeserver because no Docker environment"
                        + " is available: start Docker, or set @MatrixCorsCompliant(disabledWithoutDocker = true) to"
                        + " skip these tests where Docker is missing.",
                error.getMessage());
    }

    @Test
    void missingDockerSkipsClassWhenDisabled() {
        EngineExecutionResults results = run(DockerMissingSkippedFixture.class);

        List<Event> aborted = results.containerEvents().aborted().list();
        assertEquals(1, aborted.size());
        Throwable reason = failure(aborted.get(0));
        assertInstanceOf(TestAbortedException.class, reason);
        assertEquals(
                "Skipped because no Docker environment is available to start the homeserver in field"
                        + " DockerMissingSkippedFixture.homeserver and disabledWithoutDocker is true",
                reason.getMessage());
        results.containerEvents().assertStatistics(stats -> stats.failed(0));
    }

    @Test
    void missingDockerSkipsClassWithProperty() {
        EngineExecutionResults results =
                run(DockerMissingFixture.class, Map.of("matrixcors.disabledWithoutDocker", "true"));

        results.containerEvents().assertStatistics(stats -> stats.aborted(1).failed(0));
    }
}
