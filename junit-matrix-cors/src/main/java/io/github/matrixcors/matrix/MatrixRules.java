package io.github.matrixcors.matrix;

import io.github.matrixcors.cors.BrowserRequest;
import io.github.matrixcors.cors.Finding;
import io.github.matrixcors.cors.Severity;
import io.github.matrixcors.http.Exchange;
import io.github.matrixcors.http.Hop;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The Matrix rules ({@code matrix.*}): what the Client-Server API specification, section "Web Browser Clients", asks of
 * a homeserver on top of what browsers enforce. It asks for CORS headers on every response, for {@code OPTIONS} to be
 * answered on every endpoint without running it, and recommends these values:
 *
 * <pre>
 * Access-Control-Allow-Origin: *
 * Access-Control-Allow-Methods: GET, POST, PUT, DELETE, OPTIONS
 * Access-Control-Allow-Headers: X-Requested-With, Content-Type, Authorization
 * </pre>
 *
 * <p>A finding that a browser also blocks the request for is an {@link Severity#ERROR} that restates a {@code cors.*}
 * finding on the same hop with the Matrix consequence and proxy fixes; {@link #restatedBy(String)} names the
 * {@code cors.*} rules it replaces. A deviation from the recommended values is a {@link Severity#WARNING} or
 * {@link Severity#INFO}.
 */
public final class MatrixRules {

    /** An error response (4xx or 5xx) without {@code Access-Control-Allow-Origin}. */
    public static final String MISSING_ON_ERROR = "matrix.cors.missing-on-error";
    /** A redirect without {@code Access-Control-Allow-Origin} on the way to a Matrix resource. */
    public static final String MISSING_ON_REDIRECT = "matrix.cors.missing-on-redirect";
    /** A {@code /.well-known/matrix/...} response without {@code Access-Control-Allow-Origin}. */
    public static final String WELL_KNOWN_MISSING = "matrix.well-known.cors-missing";
    /** A preflight response with a 4xx or 5xx status. */
    public static final String OPTIONS_NOT_ANSWERED = "matrix.options.not-answered";
    /** A preflight response that leaves out methods of the recommended list. */
    public static final String METHODS_NOT_RECOMMENDED = "matrix.allow-methods.not-recommended";
    /** A preflight response that leaves out headers of the recommended list. */
    public static final String HEADERS_NOT_RECOMMENDED = "matrix.allow-headers.not-recommended";
    /** An allowed origin that echoes the request's origin instead of {@code *}. */
    public static final String ORIGIN_NOT_WILDCARD = "matrix.allow-origin.not-wildcard";
    /** An echoed origin without {@code Vary: Origin}, so shared caches may serve it to another origin. */
    public static final String VARY_ORIGIN_MISSING = "matrix.vary-origin.missing";
    /** A response other than a preflight without {@code Access-Control-Allow-Methods} or {@code -Headers}. */
    public static final String RECOMMENDED_HEADERS_MISSING = "matrix.recommended-headers.missing";

    /** The methods of the specification's recommended {@code Access-Control-Allow-Methods}, compared case-sensitively. */
    public static final List<String> RECOMMENDED_METHODS = List.of("GET", "POST", "PUT", "DELETE", "OPTIONS");
    /** The names of the specification's recommended {@code Access-Control-Allow-Headers}. */
    public static final List<String> RECOMMENDED_HEADERS = List.of("X-Requested-With", "Content-Type", "Authorization");

    /** The statuses a proxy generates when its upstream does not respond. */
    public static final Set<Integer> UPSTREAM_FAILURE_STATUSES = Set.of(502, 503, 504);

    private static final String NOT_JSON_WELL_KNOWN = " Its Content-Type is not JSON, so the proxy may answer this path"
            + " itself (an empty 200, for example) instead of serving the discovery file.";
    private static final String WELL_KNOWN_CLIENT = "/.well-known/matrix/client";
    private static final Set<String> SAFELISTED_METHODS = Set.of("GET", "HEAD", "POST");
    private static final Map<String, Set<String>> RESTATED = Map.of(
            MISSING_ON_ERROR, Set.of("cors.allow-origin.missing"),
            MISSING_ON_REDIRECT, Set.of("cors.allow-origin.missing", "cors.redirect.allow-origin-missing"),
            WELL_KNOWN_MISSING, Set.of("cors.allow-origin.missing"),
            OPTIONS_NOT_ANSWERED, Set.of("cors.preflight.status"));

    private MatrixRules() {}

    /** Returns the ids of the {@code cors.*} rules that a finding of {@code matrixRuleId} replaces on the same hop. */
    public static Set<String> restatedBy(String matrixRuleId) {
        return RESTATED.getOrDefault(matrixRuleId, Set.of());
    }

    /** Checks the preflight sent for {@code request} to {@code endpoint}. */
    public static List<Finding> checkPreflight(Endpoint endpoint, BrowserRequest request, Exchange preflight) {
        Hop hop = preflight.first();
        List<Finding> findings = new ArrayList<>();
        if (hop.status() >= 400) {
            String consequence = request.needsPreflight()
                    ? "so the browser blocks the " + request.method() + " request"
                    : "which breaks only clients that add headers to " + request.method() + " requests there, because"
                            + " browsers send the plain request without a preflight";
            boolean upstreamFailure = UPSTREAM_FAILURE_STATUSES.contains(hop.status()) && generatedByProxy(hop);
            String cause = upstreamFailure
                    ? " from the proxy itself because the proxy did not reach the homeserver, "
                    : ", but the Matrix specification expects every endpoint to answer OPTIONS without"
                            + " authentication or running the endpoint, ";
            findings.add(new Finding(
                    OPTIONS_NOT_ANSWERED,
                    request.needsPreflight() ? Severity.ERROR : Severity.WARNING,
                    "OPTIONS " + HeaderValues.pathOf(hop) + " got " + HeaderValues.statusOf(hop) + cause + consequence
                            + ".",
                    hop,
                    upstreamFailure ? MatrixFixHints.UPSTREAM_UNREACHABLE : MatrixFixHints.OPTIONS_ANSWERED));
        }
        if (hop.status() >= 200 && hop.status() <= 299) {
            checkRecommendedMethods(request, hop, findings);
            checkRecommendedHeaders(request, hop, findings);
        }
        checkOrigin(request, hop, findings);
        return findings;
    }

    /** Checks every hop of the actual request made for {@code request} to {@code endpoint}. */
    public static List<Finding> checkActual(Endpoint endpoint, BrowserRequest request, Exchange actual) {
        List<Finding> findings = new ArrayList<>();
        for (Hop hop : actual.hops()) {
            boolean hasAllowOrigin = !hop.values("Access-Control-Allow-Origin").isEmpty();
            boolean last = hop == actual.last();
            if (!hasAllowOrigin && hop.isRedirect()) {
                findings.add(missingOnRedirect(hop));
            } else if (!hasAllowOrigin && hop.status() >= 400) {
                findings.add(missingOnError(endpoint, request, hop));
            } else if (!hasAllowOrigin && last && endpoint.group() == EndpointGroup.WELL_KNOWN) {
                findings.add(missingOnWellKnown(hop));
            } else if (hasAllowOrigin && last) {
                checkRecommendedOnResponse(hop, findings);
            }
            checkOrigin(request, hop, findings);
        }
        return findings;
    }

    private static Finding missingOnRedirect(Hop hop) {
        String target = hop.location().map(Object::toString).orElse("(no valid Location)");
        return new Finding(
                MISSING_ON_REDIRECT,
                Severity.ERROR,
                "The " + HeaderValues.statusOf(hop) + " redirect from " + HeaderValues.pathOf(hop) + " to " + target
                        + " has no Access-Control-Allow-Origin, so the browser stops at the redirect even when the"
                        + " target carries CORS headers.",
                hop,
                MatrixFixHints.CORS_ON_REDIRECTS);
    }

    private static Finding missingOnError(Endpoint endpoint, BrowserRequest request, Hop hop) {
        String start = "The " + HeaderValues.statusOf(hop) + " response to " + request.method() + " "
                + HeaderValues.pathOf(hop) + " has no Access-Control-Allow-Origin, so the web client sees a network"
                + " error instead of ";
        // A well-known file other than the client discovery file is optional: its absence without CORS headers
        // hides a 404 that means "no information", so it is a warning rather than an error.
        boolean optionalFile = endpoint.group() == EndpointGroup.WELL_KNOWN
                && hop.status() == 404
                && !endpoint.pathTemplate().equals(WELL_KNOWN_CLIENT);
        if (optionalFile) {
            return new Finding(
                    MISSING_ON_ERROR,
                    Severity.WARNING,
                    start + "the 404 that says the file does not exist.",
                    hop,
                    MatrixFixHints.CORS_ON_WELL_KNOWN);
        }
        if (generatedByProxy(hop)) {
            return missingOnProxyError(request, hop);
        }
        return new Finding(
                MISSING_ON_ERROR,
                Severity.ERROR,
                start + "the status and its Matrix error code. The Matrix specification asks for CORS headers on"
                        + " every response, errors included.",
                hop,
                MatrixFixHints.CORS_ON_ERRORS);
    }

    /**
     * Reports an error response without CORS headers that the proxy generated itself. A 502, 503 or 504 then usually
     * means that the proxy did not reach the homeserver. Another status means that no route to the homeserver matched
     * or that the proxy replaced the homeserver's error with its own page.
     */
    private static Finding missingOnProxyError(BrowserRequest request, Hop hop) {
        String start = "The " + HeaderValues.statusOf(hop) + " response to " + request.method() + " "
                + HeaderValues.pathOf(hop) + " has no Access-Control-Allow-Origin and comes from the proxy itself,"
                + " because it has no JSON body from the homeserver. ";
        if (UPSTREAM_FAILURE_STATUSES.contains(hop.status())) {
            return new Finding(
                    MISSING_ON_ERROR,
                    Severity.ERROR,
                    start + "Most likely the proxy did not reach the homeserver, and the web client sees a network"
                            + " error.",
                    hop,
                    MatrixFixHints.UPSTREAM_UNREACHABLE);
        }
        return new Finding(
                MISSING_ON_ERROR,
                Severity.ERROR,
                start + "Either no route to the homeserver matched the path or the proxy replaced the homeserver's"
                        + " error with its own page, and the web client sees a network error instead of the status.",
                hop,
                MatrixFixHints.PROXY_OWN_RESPONSE);
    }

    /**
     * Returns whether the proxy generated the error response {@code hop} itself. Synapse sends every error with a JSON
     * body, while the proxies' own error pages are HTML (nginx, Apache httpd) or empty without a Content-Type (Caddy).
     */
    static boolean generatedByProxy(Hop hop) {
        return HeaderValues.combined(hop, "Content-Type")
                .map(type -> !type.toLowerCase(Locale.ROOT).contains("json"))
                .orElse(true);
    }

    private static Finding missingOnWellKnown(Hop hop) {
        return new Finding(
                WELL_KNOWN_MISSING,
                Severity.ERROR,
                HeaderValues.pathOf(hop) + " answered " + HeaderValues.statusOf(hop)
                        + " without Access-Control-Allow-Origin, so a web client on another origin cannot read it to"
                        + " discover the homeserver; the Matrix specification says it should carry the same CORS"
                        + " headers as the Client-Server API." + (generatedByProxy(hop) ? NOT_JSON_WELL_KNOWN : ""),
                hop,
                MatrixFixHints.CORS_ON_WELL_KNOWN);
    }

    private static void checkRecommendedMethods(BrowserRequest request, Hop hop, List<Finding> findings) {
        List<String> allowed = HeaderValues.items(hop, "Access-Control-Allow-Methods");
        if (allowed.contains("*")) {
            return;
        }
        // The CorsEvaluator already reports the request's own method when it is missing, so it is left out here.
        List<String> missing = RECOMMENDED_METHODS.stream()
                .filter(method -> !allowed.contains(method))
                .filter(method -> !(method.equals(request.method()) && !SAFELISTED_METHODS.contains(method)))
                .toList();
        if (!missing.isEmpty()) {
            String actual = HeaderValues.combined(hop, "Access-Control-Allow-Methods")
                    .map(value -> "'" + value + "'")
                    .orElse("absent");
            findings.add(new Finding(
                    METHODS_NOT_RECOMMENDED,
                    Severity.WARNING,
                    "Access-Control-Allow-Methods is " + actual
                            + (actual.equals("absent") ? ", so it lacks " : " and lacks ") + String.join(", ", missing)
                            + " of the Matrix specification's recommended 'GET, POST, PUT, DELETE, OPTIONS', so"
                            + " preflights for endpoints that use them fail.",
                    hop,
                    List.of()));
        }
    }

    private static void checkRecommendedHeaders(BrowserRequest request, Hop hop, List<Finding> findings) {
        List<String> allowed = HeaderValues.items(hop, "Access-Control-Allow-Headers");
        boolean wildcard = allowed.contains("*");
        // The CorsEvaluator already reports the headers the request sends when they are missing, so they are left out.
        List<String> missing = RECOMMENDED_HEADERS.stream()
                .filter(name -> !HeaderValues.containsIgnoringCase(allowed, name))
                .filter(name -> !(wildcard && !name.equals("Authorization")))
                .filter(name -> !request.hasHeader(name))
                .toList();
        if (!missing.isEmpty()) {
            String actual = HeaderValues.combined(hop, "Access-Control-Allow-Headers")
                    .map(value -> "'" + value + "'")
                    .orElse("absent");
            findings.add(new Finding(
                    HEADERS_NOT_RECOMMENDED,
                    Severity.WARNING,
                    "Access-Control-Allow-Headers is " + actual
                            + (actual.equals("absent") ? ", so it lacks " : " and lacks ") + String.join(", ", missing)
                            + " of the Matrix specification's recommended"
                            + " 'X-Requested-With, Content-Type, Authorization', so preflights for requests that send"
                            + " them fail.",
                    hop,
                    List.of()));
        }
    }

    private static void checkOrigin(BrowserRequest request, Hop hop, List<Finding> findings) {
        List<String> origins = hop.values("Access-Control-Allow-Origin");
        if (origins.size() != 1 || !origins.get(0).equals(request.origin())) {
            return;
        }
        findings.add(new Finding(
                ORIGIN_NOT_WILDCARD,
                Severity.INFO,
                "Access-Control-Allow-Origin echoes the origin '" + request.origin()
                        + "'; the Matrix specification recommends '*', which every web client can use.",
                hop,
                List.of()));
        List<String> vary = HeaderValues.items(hop, "Vary");
        if (!HeaderValues.containsIgnoringCase(vary, "Origin") && !vary.contains("*")) {
            findings.add(new Finding(
                    VARY_ORIGIN_MISSING,
                    Severity.WARNING,
                    "Access-Control-Allow-Origin echoes the request's origin but Vary does not name Origin, so a"
                            + " shared cache may serve this response to a page from another origin, which the browser"
                            + " then blocks.",
                    hop,
                    MatrixFixHints.VARY_ORIGIN));
        }
    }

    private static void checkRecommendedOnResponse(Hop hop, List<Finding> findings) {
        List<String> absent = new ArrayList<>();
        for (String name : List.of("Access-Control-Allow-Methods", "Access-Control-Allow-Headers")) {
            if (hop.values(name).isEmpty()) {
                absent.add(name);
            }
        }
        if (!absent.isEmpty()) {
            findings.add(new Finding(
                    RECOMMENDED_HEADERS_MISSING,
                    Severity.INFO,
                    "The " + HeaderValues.statusOf(hop) + " response lacks " + String.join(" and ", absent)
                            + ", which the Matrix specification recommends on all responses; browsers read them only"
                            + " from preflights, so nothing breaks.",
                    hop,
                    List.of()));
        }
    }
}
