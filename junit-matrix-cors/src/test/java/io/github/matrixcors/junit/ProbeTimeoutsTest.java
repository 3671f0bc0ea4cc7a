package io.github.matrixcors.junit;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import io.github.matrixcors.testing.ScriptedHttpServer;
import io.github.matrixcors.testing.ScriptedResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

class ProbeTimeoutsTest {

    private static Optional<Duration> parse(String value) {
        return ProbeTimeouts.parse(
                name -> Optional.ofNullable(Map.of(MatrixCorsCompliant.RESPONSE_TIMEOUT_PROPERTY, value)
                        .get(name)),
                MatrixCorsCompliant.RESPONSE_TIMEOUT_PROPERTY);
    }

    @Test
    void secondsAndIsoDurationsParse() {
        assertThat(parse("30"), equalTo(Optional.of(Duration.ofSeconds(30))));
        assertThat(parse(" 2.5 "), equalTo(Optional.of(Duration.ofMillis(2500))));
        assertThat(parse("PT1M30S"), equalTo(Optional.of(Duration.ofSeconds(90))));
        assertThat(parse("pt0.5s"), equalTo(Optional.of(Duration.ofMillis(500))));
        assertThat(parse(" "), equalTo(Optional.empty()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "-5", "PT0S", "PT-1S", "30s", "soon", "1e3"})
    void invalidValueNamesPropertyAndForms(String value) {
        ExtensionConfigurationException error = assertThrows(ExtensionConfigurationException.class, () -> parse(value));

        assertThat(
                error.getMessage(),
                equalTo("Invalid value \"" + value.trim() + "\" for property matrixcors.responseTimeout: write a"
                        + " positive number of seconds such as 30, or an ISO-8601 duration such as PT1M30S."));
    }

    @MatrixCorsCompliant(paths = "GET /_matrix/client/versions")
    static class SilentServerFixture implements MatrixCorsSuite {}

    @Test
    void responseTimeoutPropertyReachesProbe() {
        try (ScriptedHttpServer server = ScriptedHttpServer.start()) {
            server.on("GET", "/_matrix/client/versions", ScriptedResponse.noReply());
            server.on("OPTIONS", "/_matrix/client/versions", ScriptedResponse.noReply());

            List<Event> failed = EngineTestKit.engine("junit-jupiter")
                    .selectors(selectClass(SilentServerFixture.class))
                    .configurationParameters(Map.of(
                            "matrixcors.homeserver",
                            server.uri("/").toString(),
                            MatrixCorsCompliant.RESPONSE_TIMEOUT_PROPERTY,
                            "1",
                            MatrixCorsCompliant.CONNECT_TIMEOUT_PROPERTY,
                            "PT2S"))
                    .execute()
                    .testEvents()
                    .failed()
                    .list();

            // Both checks time out, so the extension reports them as one failure.
            assertThat(failed, hasSize(1));
            String message = failed.get(0)
                    .getRequiredPayload(TestExecutionResult.class)
                    .getThrowable()
                    .orElseThrow()
                    .getMessage();
            assertThat(message, containsString("within 1 s"));
            assertThat(message, containsString("system property matrixcors.responseTimeout"));
        }
    }
}
