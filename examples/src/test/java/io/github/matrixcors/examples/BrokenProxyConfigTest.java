package io.github.matrixcors.examples;

import static io.github.matrixcors.hamcrest.CorsMatchers.passesBrowserCheck;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.matrixcors.cors.BrowserRequest;
import io.github.matrixcors.http.Probe;
import io.github.matrixcors.junit.MatrixCorsCompliant;
import io.github.matrixcors.junit.MatrixCorsSuite;
import io.github.matrixcors.testcontainers.MatrixImages;
import io.github.matrixcors.testcontainers.MatrixStack;
import io.github.matrixcors.testcontainers.NginxProxyContainer;
import io.github.matrixcors.testcontainers.SynapseContainer;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;
import org.opentest4j.AssertionFailedError;

/**
 * A deliberately broken nginx site ({@code proxy/nginx-site-broken.conf} adds {@code Access-Control-Allow-Origin} on
 * top of Synapse's own) and the failure messages a user sees for it: from a matcher, and from a class annotated with
 * {@link MatrixCorsCompliant}.
 */
class BrokenProxyConfigTest {

    static MatrixStack stack = new MatrixStack(
            new SynapseContainer(MatrixImages.synapse()),
            new NginxProxyContainer(MatrixImages.nginx())
                    .withConfigFile(Path.of("src/test/resources/proxy/nginx-site-broken.conf")));

    @BeforeAll
    static void startStack() {
        stack.start();
    }

    @AfterAll
    static void stopStack() {
        stack.stop();
    }

    @Test
    void matcherNamesDuplicateAllowOrigin() {
        URI url = stack.baseUri().resolve("/_matrix/client/versions");
        BrowserRequest request = BrowserRequest.of("GET", url, "https://app.element.io");

        AssertionError failure;
        try (Probe probe = Probe.withDefaults()) {
            failure = assertThrows(
                    AssertionError.class, () -> assertThat(probe.fetch(request), passesBrowserCheck(request)));
        }

        String message = failure.getMessage();
        assertThat(message, containsString("cors.allow-origin.multiple"));
        assertThat(message, containsString("Access-Control-Allow-Origin has 2 lines (\"*\", \"*\")"));
        assertThat(message, containsString("GET " + url));
        assertThat(message, containsString("Origin: https://app.element.io"));
    }

    @Test
    void annotatedClassFailsWithFixHint() {
        List<Event> failures = EngineTestKit.engine("junit-jupiter")
                .selectors(selectClass(BrokenSiteFixture.class))
                .configurationParameter(TestKitOnly.PARAMETER, "true")
                .execute()
                .testEvents()
                .failed()
                .list();

        String message = failures.stream()
                .map(event -> event.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                        .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                        .orElseThrow())
                .filter(AssertionFailedError.class::isInstance)
                .map(Throwable::getMessage)
                .findFirst()
                .orElseThrow(() -> new AssertionError("the broken site passed every check"));
        System.out.println(message);

        assertThat(message, containsString("GET /_matrix/client/versions from https://app.element.io: 1 finding"));
        assertThat(message, containsString("ERROR cors.allow-origin.multiple"));
        assertThat(message, containsString("Fix for nginx: "));
        assertThat(message, not(containsString("Fix for Caddy: ")));
        assertThat(message, not(containsString("Fix for Apache httpd: ")));
    }

    /** The class a user would write; run here through the JUnit test kit so that its failure can be asserted. */
    @MatrixCorsCompliant(paths = "GET /_matrix/client/versions")
    @ExtendWith(TestKitOnly.class)
    static class BrokenSiteFixture implements MatrixCorsSuite {

        static MatrixStack stack = BrokenProxyConfigTest.stack;
    }
}
