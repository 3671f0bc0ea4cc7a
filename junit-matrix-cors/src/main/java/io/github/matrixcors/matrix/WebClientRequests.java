package io.github.matrixcors.matrix;

import io.github.matrixcors.cors.BrowserRequest;
import io.github.matrixcors.cors.CredentialsMode;
import io.github.matrixcors.http.HeaderLine;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Models the request a Matrix web client such as Element Web makes for an endpoint, before the browser adds CORS
 * headers.
 *
 * <ul>
 *   <li>An endpoint that requires an access token gets {@code Authorization: Bearer ...}, so the browser preflights it.
 *       An endpoint where the token is optional, such as {@code GET /_matrix/client/versions}, gets none, so a GET
 *       there is a simple request without preflight.
 *   <li>POST and PUT carry a JSON body, so they get {@code Content-Type: application/json}.
 *   <li>POST, PUT and DELETE use {@link #INVALID_ACCESS_TOKEN} even when a real token is known, so that a check
 *       changes nothing on the server: the homeserver rejects the token with 401 before running the endpoint. GET
 *       and HEAD use the real token when one is given, so their successful responses are checked too.
 *   <li>{@code GET /sync} and {@code GET /events} get {@code timeout=0}: the specification gives {@code /events} no
 *       default timeout, so a server may long-poll it for as long as it likes when given a real token.
 *   <li>The credentials mode is {@code same-origin}, the default of {@code fetch()}: Matrix clients send no cookies.
 * </ul>
 */
public final class WebClientRequests {

    /** The access token sent with mutating requests; no homeserver issues it, so they all fail with 401. */
    public static final String INVALID_ACCESS_TOKEN = HeaderLine.INVALID_ACCESS_TOKEN;

    private WebClientRequests() {}

    /**
     * Builds the request a web client at {@code origin} makes for {@code endpoint} on the homeserver at {@code baseUri}.
     *
     * @param accessToken a valid access token used for GET and HEAD requests, or {@code null} to use
     *     {@link #INVALID_ACCESS_TOKEN} everywhere
     */
    public static BrowserRequest forEndpoint(Endpoint endpoint, URI baseUri, String origin, String accessToken) {
        Objects.requireNonNull(endpoint, "endpoint");
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(origin, "origin");

        List<HeaderLine> headers = new ArrayList<>();
        if (endpoint.requiresAuth()) {
            boolean safeToAuthenticate = !endpoint.isMutating() && accessToken != null;
            String token = safeToAuthenticate ? accessToken : INVALID_ACCESS_TOKEN;
            headers.add(new HeaderLine("Authorization", "Bearer " + token));
        }
        if (endpoint.method().equals("POST") || endpoint.method().equals("PUT")) {
            headers.add(new HeaderLine("Content-Type", "application/json"));
        }
        return new BrowserRequest(
                endpoint.method(), requestUri(endpoint, baseUri), origin, headers, CredentialsMode.SAME_ORIGIN);
    }

    private static URI requestUri(Endpoint endpoint, URI baseUri) {
        URI uri = endpoint.sampleUri(baseUri);
        boolean longPoll = endpoint.pathTemplate().endsWith("/sync")
                || endpoint.pathTemplate().endsWith("/events");
        if (endpoint.method().equals("GET") && longPoll) {
            return URI.create(uri + "?timeout=0");
        }
        return uri;
    }
}
