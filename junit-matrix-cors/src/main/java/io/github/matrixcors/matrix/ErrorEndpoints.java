package io.github.matrixcors.matrix;

import java.util.List;

/**
 * Requests that make a homeserver answer with an error, so that checks see its error responses: the Matrix
 * specification asks for CORS headers on those too. Every endpoint the catalogue lists adds 401 responses already,
 * because mutating requests carry an invalid access token.
 */
public final class ErrorEndpoints {

    // TODO: no request here provokes a 413, because the probe sends only empty or "{}" bodies. An upload larger than
    // nginx's default client_max_body_size (1 MB) would show whether the proxy's own 413 carries CORS headers.

    /** An authenticated GET of a path no homeserver serves under the Client-Server API: 404 {@code M_UNRECOGNIZED}. */
    public static final Endpoint UNKNOWN_CLIENT_PATH = new Endpoint(
            "GET",
            "/_matrix/client/v3/matrixcors-unknown-endpoint",
            "/_matrix/client/v3/matrixcors-unknown-endpoint",
            EndpointGroup.OTHER,
            true,
            List.of(),
            "");

    /** An authenticated GET of a path no homeserver serves under the legacy media API: 404. */
    public static final Endpoint UNKNOWN_MEDIA_PATH = new Endpoint(
            "GET",
            "/_matrix/media/v3/matrixcors-unknown-endpoint",
            "/_matrix/media/v3/matrixcors-unknown-endpoint",
            EndpointGroup.MEDIA,
            true,
            List.of(),
            "");

    /** A PUT of {@code /versions}, which only allows GET: 405 {@code M_UNRECOGNIZED} or 404. */
    public static final Endpoint WRONG_METHOD = new Endpoint(
            "PUT", "/_matrix/client/versions", "/_matrix/client/versions", EndpointGroup.OTHER, false, List.of(), "");

    private ErrorEndpoints() {}

    /** Returns every error endpoint. */
    public static List<Endpoint> all() {
        return List.of(UNKNOWN_CLIENT_PATH, UNKNOWN_MEDIA_PATH, WRONG_METHOD);
    }
}
