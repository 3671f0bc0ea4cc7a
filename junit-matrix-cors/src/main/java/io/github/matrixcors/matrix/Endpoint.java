package io.github.matrixcors.matrix;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One method on one path of the Matrix Client-Server API, as the catalogue lists it.
 *
 * @param method the HTTP method, uppercase, for example {@code PUT}
 * @param pathTemplate the full path with OpenAPI parameters, for example
 *     {@code /_matrix/client/v3/rooms/{roomId}/send/{eventType}/{txnId}}
 * @param samplePath the same path with harmless placeholder values filled in and percent-encoded the way web clients
 *     encode them, for example {@code /_matrix/client/v3/rooms/!matrixcors%3Alocalhost/send/m.room.message/matrixcors-txn}
 * @param group the part of the API it belongs to
 * @param requiresAuth whether the specification requires an access token, so that web clients send an
 *     {@code Authorization} header; false when the token is optional, as on {@code /versions}
 * @param specVersions the specification versions that contain this endpoint, for example {@code [v1.16, v1.19]}
 * @param operationId the OpenAPI operation id, for example {@code sendMessage}; comma-separated when two specification
 *     files define the same method and path; empty for endpoints added by hand
 */
public record Endpoint(
        String method,
        String pathTemplate,
        String samplePath,
        EndpointGroup group,
        boolean requiresAuth,
        List<String> specVersions,
        String operationId) {

    private static final Set<String> MUTATING_METHODS = Set.of("POST", "PUT", "DELETE", "PATCH");

    public Endpoint {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pathTemplate, "pathTemplate");
        Objects.requireNonNull(samplePath, "samplePath");
        Objects.requireNonNull(group, "group");
        specVersions = List.copyOf(specVersions);
        operationId = operationId == null ? "" : operationId;
        if (!samplePath.startsWith("/")) {
            throw new IllegalArgumentException("Sample path '" + samplePath + "' must start with '/'");
        }
    }

    /** Returns whether the method can change server state, so checks send it with an invalid token only. */
    public boolean isMutating() {
        return MUTATING_METHODS.contains(method);
    }

    /**
     * Returns the sample path resolved on a homeserver's base URI. A path in the base URI is kept, so
     * {@code https://example.org/matrix/} gives {@code https://example.org/matrix/_matrix/client/...}.
     */
    public URI sampleUri(URI baseUri) {
        String base = baseUri.toString();
        if (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return URI.create(base + samplePath);
    }

    @Override
    public String toString() {
        return method + " " + pathTemplate;
    }
}
