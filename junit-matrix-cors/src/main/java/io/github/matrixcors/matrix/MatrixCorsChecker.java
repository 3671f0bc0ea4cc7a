package io.github.matrixcors.matrix;

import io.github.matrixcors.cors.BrowserProfile;
import io.github.matrixcors.cors.CorsEvaluator;
import io.github.matrixcors.http.Probe;
import java.net.URI;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * Checks what a browser does with the requests a Matrix web client makes to a homeserver, endpoint by endpoint.
 *
 * <p>For each endpoint and origin it builds the request a web client makes ({@link WebClientRequests}), sends the
 * preflight and the actual request concurrently through the {@link Probe}, and judges every hop with the
 * {@link CorsEvaluator} ({@code cors.*} findings), the {@link MatrixRules} ({@code matrix.*}) and the
 * {@link AdviceRules} ({@code advice.*}). A preflight is sent for every endpoint, because the Matrix specification
 * asks every endpoint to answer {@code OPTIONS}; for a request that browsers send without preflight, the preflight's
 * errors become warnings.
 *
 * <p>POST, PUT and DELETE requests carry an invalid access token and a {@code {}} body, so no server state changes,
 * even on a production server. A request that gets no HTTP response (connection refused, timeout) becomes a
 * {@link #PROBE_FAILED} error naming the URL and the fix, and the other checks go on. When the first check of a host
 * gets no response at all (nothing listens, or the host never answers), the other checks of that host are not sent
 * and fail with the same cause, so an unreachable host costs one timeout rather than one per request.
 *
 * <pre>{@code
 * try (MatrixCorsChecker checker = MatrixCorsChecker.builder().baseUri(URI.create("http://localhost:8008")).build()) {
 *     List<CheckResult> results = checker.check(EndpointCatalogue.standard().group(EndpointGroup.MEDIA));
 * }
 * }</pre>
 */
public final class MatrixCorsChecker implements AutoCloseable {

    /** The rule id of a request that got no HTTP response. */
    public static final String PROBE_FAILED = "matrix.probe.failed";

    /** The origin checked when none is given: Element Web's. It is only sent as a header value, never contacted. */
    public static final String DEFAULT_ORIGIN = "https://app.element.io";

    private static final String POLICY_SERVER_WELL_KNOWN = "/.well-known/matrix/policy_server";

    private final URI baseUri;
    private final URI wellKnownUri;
    private final List<String> origins;
    private final BrowserProfile profile;
    private final String accessToken;
    private final Probe probe;
    private final boolean ownsProbe;
    private final CorsEvaluator evaluator;

    private MatrixCorsChecker(Builder builder) {
        this.baseUri = builder.baseUri;
        this.wellKnownUri = builder.wellKnownUri == null ? builder.baseUri : builder.wellKnownUri;
        this.origins = List.copyOf(builder.origins);
        this.profile = builder.profile;
        this.accessToken = builder.accessToken;
        this.ownsProbe = builder.probe == null;
        this.probe = ownsProbe ? Probe.withDefaults() : builder.probe;
        this.evaluator = new CorsEvaluator(profile);
    }

    /** Returns a builder; only {@link Builder#baseUri(URI)} is required. */
    public static Builder builder() {
        return new Builder();
    }

    /** Returns the homeserver's base URI. */
    public URI baseUri() {
        return baseUri;
    }

    /** Returns the base URI of the host whose {@code /.well-known/matrix/} files are checked. */
    public URI wellKnownUri() {
        return wellKnownUri;
    }

    /** Returns the origins checked. */
    public List<String> origins() {
        return origins;
    }

    /** Returns the browser profile whose rules the verdicts follow. */
    public BrowserProfile profile() {
        return profile;
    }

    /**
     * Checks every endpoint from every origin, concurrently, and returns two results per endpoint and origin: the
     * preflight, then the actual request. Results come in the order of {@code endpoints}, then origins.
     */
    public List<CheckResult> check(Collection<Endpoint> endpoints) {
        Objects.requireNonNull(endpoints, "endpoints");
        CheckRun run = new CheckRun(probe, evaluator, accessToken, baseUri, wellKnownUri);
        return run.execute(List.copyOf(endpoints), origins);
    }

    /**
     * Checks the bundled catalogue and the {@link ErrorEndpoints}, except {@code /.well-known/matrix/policy_server}:
     * a policy server's host serves that file, not the homeserver.
     */
    public List<CheckResult> checkAll() {
        List<Endpoint> endpoints = new ArrayList<>(EndpointCatalogue.standard()
                .filter(endpoint -> !endpoint.pathTemplate().equals(POLICY_SERVER_WELL_KNOWN)));
        endpoints.addAll(ErrorEndpoints.all());
        return check(endpoints);
    }

    /** Closes the probe, unless it was given to the builder: its owner closes it then. */
    @Override
    public void close() {
        if (ownsProbe) {
            probe.close();
        }
    }

    /** Collects the settings of a {@link MatrixCorsChecker}. */
    public static final class Builder {
        private URI baseUri;
        private URI wellKnownUri;
        private List<String> origins = List.of(DEFAULT_ORIGIN);
        private BrowserProfile profile = BrowserProfile.CHROMIUM;
        private String accessToken;
        private Probe probe;

        private Builder() {}

        /** Sets the homeserver's base URI, for example {@code http://localhost:8008}. Required. */
        public Builder baseUri(URI baseUri) {
            this.baseUri =
                    Probe.parseUrl(Objects.requireNonNull(baseUri, "baseUri").toString());
            return this;
        }

        /**
         * Sets the base URI of the server-name host that serves {@code /.well-known/matrix/client}, when it differs from
         * the homeserver's, for example {@code https://example.org} for a homeserver at
         * {@code https://matrix.example.org}. By default the homeserver's base URI.
         */
        public Builder wellKnownUri(URI wellKnownUri) {
            this.wellKnownUri = Probe.parseUrl(
                    Objects.requireNonNull(wellKnownUri, "wellKnownUri").toString());
            return this;
        }

        /** Sets the origins of the pages whose requests are checked; {@value #DEFAULT_ORIGIN} by default. */
        public Builder origins(List<String> origins) {
            Objects.requireNonNull(origins, "origins");
            if (origins.isEmpty()) {
                throw new IllegalArgumentException("origins is empty; give at least one, such as " + DEFAULT_ORIGIN);
            }
            origins.forEach(Builder::requireSerializedOrigin);
            this.origins = List.copyOf(origins);
            return this;
        }

        /** Sets the browser profile whose rules verdicts follow; {@link BrowserProfile#CHROMIUM} by default. */
        public Builder profile(BrowserProfile profile) {
            this.profile = Objects.requireNonNull(profile, "profile");
            return this;
        }

        /**
         * Sets a valid access token, used only for GET and HEAD requests so that their successful responses are
         * checked too. Without one, every authenticated request gets a 401.
         */
        public Builder accessToken(String accessToken) {
            this.accessToken = accessToken;
            return this;
        }

        /** Sets the probe to send requests with; the caller keeps ownership and closes it. */
        public Builder probe(Probe probe) {
            this.probe = Objects.requireNonNull(probe, "probe");
            return this;
        }

        /**
         * Builds the checker.
         *
         * @throws IllegalStateException when no base URI was set
         */
        public MatrixCorsChecker build() {
            if (baseUri == null) {
                throw new IllegalStateException(
                        "The homeserver's base URI is missing: call MatrixCorsChecker.builder().baseUri(...)");
            }
            return new MatrixCorsChecker(this);
        }

        private static void requireSerializedOrigin(String origin) {
            if (origin == null || !origin.matches("https?://[^/?#\\s]+")) {
                throw new IllegalArgumentException("Invalid origin '" + origin + "': use a serialized origin,"
                        + " scheme://host[:port] without a path or trailing slash, such as " + DEFAULT_ORIGIN);
            }
        }
    }
}
