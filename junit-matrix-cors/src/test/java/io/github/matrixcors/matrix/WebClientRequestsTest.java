package io.github.matrixcors.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.matrixcors.cors.BrowserRequest;
import io.github.matrixcors.cors.CredentialsMode;
import io.github.matrixcors.http.HeaderLine;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebClientRequestsTest {

    private static final URI BASE = URI.create("http://localhost:8008");
    private static final String ORIGIN = "https://app.element.io";
    private static final EndpointCatalogue CATALOGUE = EndpointCatalogue.standard();

    @Test
    void versionsIsSimpleGet() {
        BrowserRequest request = forEndpoint("GET", "/_matrix/client/versions", "real-token");

        assertEquals(List.of(), request.headers());
        assertFalse(request.needsPreflight());
        assertEquals(CredentialsMode.SAME_ORIGIN, request.credentials());
    }

    @Test
    void authenticatedGetUsesRealToken() {
        BrowserRequest request = forEndpoint("GET", "/_matrix/client/v3/joined_rooms", "real-token");

        assertEquals(List.of(new HeaderLine("Authorization", "Bearer real-token")), request.headers());
        assertTrue(request.needsPreflight());
        assertEquals(URI.create("http://localhost:8008/_matrix/client/v3/joined_rooms"), request.url());
    }

    @Test
    void authenticatedGetWithoutTokenUsesInvalidOne() {
        BrowserRequest request = forEndpoint("GET", "/_matrix/client/v3/joined_rooms", null);

        assertEquals(
                List.of(new HeaderLine("Authorization", "Bearer " + WebClientRequests.INVALID_ACCESS_TOKEN)),
                request.headers());
    }

    @Test
    void putUsesInvalidTokenAndJson() {
        BrowserRequest request =
                forEndpoint("PUT", "/_matrix/client/v3/rooms/{roomId}/send/{eventType}/{txnId}", "real-token");

        assertEquals(
                List.of(
                        new HeaderLine("Authorization", "Bearer " + WebClientRequests.INVALID_ACCESS_TOKEN),
                        new HeaderLine("Content-Type", "application/json")),
                request.headers());
        assertEquals(List.of("authorization", "content-type"), request.unsafeHeaderNames());
    }

    @Test
    void deleteHasNoContentType() {
        BrowserRequest request = forEndpoint("DELETE", "/_matrix/client/v3/devices/{deviceId}", "real-token");

        assertEquals(
                List.of(new HeaderLine("Authorization", "Bearer " + WebClientRequests.INVALID_ACCESS_TOKEN)),
                request.headers());
    }

    @Test
    void unauthenticatedPostSendsNoToken() {
        BrowserRequest request = forEndpoint("POST", "/_matrix/client/v3/login", "real-token");

        assertEquals(List.of(new HeaderLine("Content-Type", "application/json")), request.headers());
        assertTrue(request.needsPreflight());
    }

    @Test
    void longPollGetsZeroTimeout() {
        assertEquals(
                URI.create("http://localhost:8008/_matrix/client/v3/sync?timeout=0"),
                forEndpoint("GET", "/_matrix/client/v3/sync", "real-token").url());
        assertEquals(
                URI.create("http://localhost:8008/_matrix/client/v3/events?timeout=0"),
                forEndpoint("GET", "/_matrix/client/v3/events", "real-token").url());
    }

    private static BrowserRequest forEndpoint(String method, String template, String token) {
        Endpoint endpoint = CATALOGUE.find(method, template).orElseThrow();
        return WebClientRequests.forEndpoint(endpoint, BASE, ORIGIN, token);
    }
}
