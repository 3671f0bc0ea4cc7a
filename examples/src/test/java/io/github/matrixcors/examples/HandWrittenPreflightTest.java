package io.github.matrixcors.examples;

import static io.github.matrixcors.hamcrest.CorsMatchers.allowsMethods;
import static io.github.matrixcors.hamcrest.CorsMatchers.allowsOrigin;
import static io.github.matrixcors.hamcrest.CorsMatchers.allowsRequestHeaders;
import static io.github.matrixcors.hamcrest.CorsMatchers.hasSingleAllowOrigin;
import static io.github.matrixcors.hamcrest.CorsMatchers.isSuccessfulPreflight;
import static io.github.matrixcors.hamcrest.CorsMatchers.passesBrowserCheck;
import static io.github.matrixcors.hamcrest.CorsMatchers.passesPreflightCheck;
import static org.hamcrest.MatcherAssert.assertThat;

import io.github.matrixcors.cors.BrowserRequest;
import io.github.matrixcors.cors.ProxyKind;
import io.github.matrixcors.http.Exchange;
import io.github.matrixcors.http.Probe;
import io.github.matrixcors.testcontainers.MatrixStack;
import io.github.matrixcors.testcontainers.ProxyPreset;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** A hand-written preflight and actual request, checked with the Hamcrest matchers. */
class HandWrittenPreflightTest {

    static MatrixStack stack = MatrixStack.shared(ProxyKind.NGINX, ProxyPreset.CORRECT);
    static Probe probe;

    @BeforeAll
    static void openProbe() {
        probe = Probe.withDefaults();
    }

    @AfterAll
    static void closeProbe() {
        probe.close();
    }

    // quick-start: matchers
    @Test
    void sendMessagePreflight() {
        URI url = stack.baseUri().resolve("/_matrix/client/v3/rooms/!room:localhost/send/m.room.message/txn1");
        BrowserRequest request = BrowserRequest.of("PUT", url, "https://app.element.io")
                .withHeader("Authorization", "Bearer token")
                .withHeader("Content-Type", "application/json");

        Exchange preflight = probe.preflight(request);

        assertThat(preflight, isSuccessfulPreflight());
        assertThat(preflight, allowsMethods("PUT"));
        assertThat(preflight, allowsRequestHeaders("Authorization", "Content-Type"));
        assertThat(preflight, passesPreflightCheck(request));
    }
    // end: matchers

    @Test
    void versionsReadableFromWebClient() {
        URI url = stack.baseUri().resolve("/_matrix/client/versions");
        BrowserRequest request = BrowserRequest.of("GET", url, "https://app.element.io");

        Exchange response = probe.fetch(request);

        assertThat(response, hasSingleAllowOrigin());
        assertThat(response, allowsOrigin("https://app.element.io"));
        assertThat(response, passesBrowserCheck(request));
    }
}
