package io.github.matrixcors.examples.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.matrixcors.cors.Finding;
import io.github.matrixcors.cors.FixHint;
import io.github.matrixcors.cors.ProxyKind;
import io.github.matrixcors.cors.Severity;
import io.github.matrixcors.http.Exchange;
import io.github.matrixcors.http.Hop;
import io.github.matrixcors.http.SentRequest;
import io.github.matrixcors.matrix.CheckKind;
import io.github.matrixcors.matrix.CheckResult;
import io.github.matrixcors.matrix.Endpoint;
import io.github.matrixcors.matrix.EndpointCatalogue;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testcontainers.containers.ContainerLaunchException;

/** The report's text and its choice of proxies, without containers. */
class ComplianceReportTest {

    private static final Endpoint SYNC =
            EndpointCatalogue.standard().find("GET", "/_matrix/client/v3/sync").orElseThrow();

    @Test
    void topFindingsSplitsRuleBySeverity() {
        List<CheckResult> results = List.of(
                result("a", 200, finding(Severity.ERROR), finding(Severity.ERROR)),
                result("b", 200, finding(Severity.ERROR)),
                result("c", 200, finding(Severity.WARNING)));

        String text = ComplianceReport.topFindings(results, ProxyKind.NGINX);

        assertTrue(text.contains("- ERROR cors.allow-origin.multiple: 3 findings in 2 checks, for example a\n"), text);
        assertTrue(text.contains("- WARNING cors.allow-origin.multiple: 1 finding in 1 check, for example c\n"), text);
        assertTrue(text.contains("fix: nginx hint"), text);
        assertFalse(text.contains("caddy hint"), text);
    }

    @Test
    void topFindingsSplitsRuleByHint() {
        Finding otherHint = new Finding(
                "cors.allow-origin.multiple",
                Severity.ERROR,
                "Another cause.",
                null,
                List.of(new FixHint(ProxyKind.NGINX, "other nginx hint")));
        List<CheckResult> results = List.of(result("a", 200, finding(Severity.ERROR)), result("b", 200, otherHint));

        String text = ComplianceReport.topFindings(results, ProxyKind.NGINX);

        assertTrue(text.contains("- ERROR cors.allow-origin.multiple: 1 finding in 1 check, for example a\n"), text);
        assertTrue(text.contains("- ERROR cors.allow-origin.multiple: 1 finding in 1 check, for example b\n"), text);
        assertTrue(text.contains("fix: other nginx hint"), text);
    }

    @Test
    void upstreamNoticeWhenMostResponsesAreBadGateway() {
        List<CheckResult> results = List.of(result("a", 502), result("b", 502), result("c", 200));

        String text = ComplianceReport.upstreamNotice(results, ProxyKind.NGINX);

        assertTrue(text.contains("THE PROXY DOES NOT REACH THE HOMESERVER: 2 of 3 responses"), text);
        assertTrue(text.contains("'proxy_pass http://{{homeserver}};'"), text);
    }

    @Test
    void upstreamNoticeAbsentWhenFewFail() {
        List<CheckResult> results = List.of(result("a", 502), result("b", 200), result("c", 404));

        assertEquals("", ComplianceReport.upstreamNotice(results, ProxyKind.CADDY));
    }

    @Test
    void failureTextKeepsProxyMessage() {
        RuntimeException e = new ContainerLaunchException(
                "nginx proxy container failed to start: the configuration test rejected file bad.conf\n"
                        + "[emerg] invalid number of arguments in \"proxy_pass\" directive in matrix-cors.conf:7",
                new IllegalStateException("Wait strategy failed. Container exited with code 78"));

        String text = ComplianceReport.failureText(e);

        assertTrue(text.startsWith("ContainerLaunchException: nginx proxy container failed to start"), text);
        assertTrue(text.contains("matrix-cors.conf:7"), text);
        assertFalse(text.contains("Wait strategy failed"), text);
    }

    @Test
    void failureTextAddsRootCauseOfOneLine() {
        RuntimeException e = new IllegalStateException(
                "Could not start the check", new java.io.IOException("Connection refused: /var/run/docker.sock"));

        String text = ComplianceReport.failureText(e);

        assertEquals(
                "IllegalStateException: Could not start the check\n"
                        + "Caused by: IOException: Connection refused: /var/run/docker.sock\n",
                text);
    }

    @Test
    void fileGivenChecksOnlyThatProxy(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("site.conf"), "server {}");
        Map<String, String> properties = Map.of("matrixcors.report.nginx", file.toString());

        List<ProxyUnderTest> selected = ProxyUnderTest.select(properties::get);

        assertEquals(
                List.of(ProxyKind.NGINX),
                selected.stream().map(ProxyUnderTest::proxy).toList());
    }

    @Test
    void allFlagAddsSampleFiles(@TempDir Path directory) throws Exception {
        Path file = Files.writeString(directory.resolve("site.conf"), "server {}");
        Map<String, String> properties =
                Map.of("matrixcors.report.nginx", file.toString(), ProxyUnderTest.ALL_PROPERTY, "true");

        List<ProxyUnderTest> selected = ProxyUnderTest.select(properties::get);

        assertEquals(3, selected.size());
        assertEquals(file, selected.get(0).file());
        assertEquals("classpath:proxy/Caddyfile", selected.get(1).describe());
    }

    @Test
    void noFileChecksEveryProxy() {
        List<ProxyUnderTest> selected = ProxyUnderTest.select(name -> null);

        assertEquals(
                List.of(ProxyKind.values()),
                selected.stream().map(ProxyUnderTest::proxy).toList());
    }

    @Test
    void invalidAllValueRejected() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> ProxyUnderTest.select(Map.of(ProxyUnderTest.ALL_PROPERTY, "yes")::get));

        assertTrue(e.getMessage().contains("'yes'"), e.getMessage());
    }

    private static Finding finding(Severity severity) {
        return new Finding(
                "cors.allow-origin.multiple",
                severity,
                "Access-Control-Allow-Origin appears twice.",
                null,
                List.of(new FixHint(ProxyKind.NGINX, "nginx hint"), new FixHint(ProxyKind.CADDY, "caddy hint")));
    }

    private static CheckResult result(String name, int status, Finding... findings) {
        SentRequest request = new SentRequest("GET", URI.create("http://localhost/_matrix/client/v3/sync"), List.of());
        Hop hop = new Hop(request, status, "Status", List.of());
        return new CheckResult(
                name,
                SYNC,
                "https://app.element.io",
                CheckKind.ACTUAL,
                new ArrayList<>(List.of(findings)),
                List.of(new Exchange(List.of(hop))));
    }
}
