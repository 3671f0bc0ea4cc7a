package io.github.matrixcors.cors;

/** The stable rule ids of the findings that {@link CorsEvaluator} reports. Filter and assert on these. */
public final class CorsRuleIds {

    /** No {@code Access-Control-Allow-Origin} on a response. */
    public static final String ALLOW_ORIGIN_MISSING = "cors.allow-origin.missing";
    /** More than one {@code Access-Control-Allow-Origin} line, or a comma-separated list of origins. */
    public static final String ALLOW_ORIGIN_MULTIPLE = "cors.allow-origin.multiple";
    /** An {@code Access-Control-Allow-Origin} that is neither {@code *} nor the request's serialized origin. */
    public static final String ALLOW_ORIGIN_MISMATCH = "cors.allow-origin.mismatch";
    /** {@code Access-Control-Allow-Origin: *} on a credentialed request. */
    public static final String ALLOW_ORIGIN_WILDCARD_WITH_CREDENTIALS = "cors.allow-origin.wildcard-with-credentials";
    /** A credentialed request without {@code Access-Control-Allow-Credentials: true}. */
    public static final String ALLOW_CREDENTIALS_MISSING = "cors.allow-credentials.missing";

    /** A redirect of the actual request without {@code Access-Control-Allow-Origin}. */
    public static final String REDIRECT_ALLOW_ORIGIN_MISSING = "cors.redirect.allow-origin-missing";
    /** A redirect to a URL with a user name or password, which a browser rejects. */
    public static final String REDIRECT_CREDENTIALS_IN_URL = "cors.redirect.credentials-in-url";
    /** A redirect to a URL that is not http or https. */
    public static final String REDIRECT_UNSUPPORTED_SCHEME = "cors.redirect.unsupported-scheme";
    /** A redirect whose {@code Location} is not a valid URL, which a browser treats as a network error. */
    public static final String REDIRECT_INVALID_LOCATION = "cors.redirect.invalid-location";
    /** A preflighted request that was redirected, where the browser sends a new preflight for the new URL. */
    public static final String REDIRECT_AFTER_PREFLIGHT = "cors.redirect.after-preflight";

    /** A preflight response with a status outside 200-299. */
    public static final String PREFLIGHT_STATUS = "cors.preflight.status";
    /** A preflight response that is a redirect. */
    public static final String PREFLIGHT_REDIRECT = "cors.preflight.redirect";

    /** An {@code Access-Control-Allow-Methods} element that is not a token. */
    public static final String ALLOW_METHODS_INVALID = "cors.allow-methods.invalid";
    /** The request method is not in {@code Access-Control-Allow-Methods}. */
    public static final String ALLOW_METHODS_MISSING_METHOD = "cors.allow-methods.missing-method";
    /** {@code Access-Control-Allow-Methods: *} on a credentialed request, where it is a literal method name. */
    public static final String ALLOW_METHODS_WILDCARD_WITH_CREDENTIALS = "cors.allow-methods.wildcard-with-credentials";

    /** An {@code Access-Control-Allow-Headers} element that is not a token. */
    public static final String ALLOW_HEADERS_INVALID = "cors.allow-headers.invalid";
    /** A request header is not in {@code Access-Control-Allow-Headers}. */
    public static final String ALLOW_HEADERS_MISSING_HEADER = "cors.allow-headers.missing-header";
    /** {@code Authorization} covered only by {@code *}, which the Fetch Standard forbids but browsers accept. */
    public static final String ALLOW_HEADERS_WILDCARD_AUTHORIZATION = "cors.allow-headers.wildcard-authorization";
    /** {@code Access-Control-Allow-Headers: *} on a credentialed request, where it is a literal header name. */
    public static final String ALLOW_HEADERS_WILDCARD_WITH_CREDENTIALS = "cors.allow-headers.wildcard-with-credentials";

    /** No {@code Access-Control-Max-Age}: browsers cache the preflight for 5 s. */
    public static final String MAX_AGE_MISSING = "cors.max-age.missing";
    /** An {@code Access-Control-Max-Age} that is not {@code delta-seconds}. */
    public static final String MAX_AGE_INVALID = "cors.max-age.invalid";
    /** More than one {@code Access-Control-Max-Age} line. */
    public static final String MAX_AGE_MULTIPLE = "cors.max-age.multiple";
    /** An {@code Access-Control-Max-Age} above the browser's cap. */
    public static final String MAX_AGE_CAPPED = "cors.max-age.capped";

    private CorsRuleIds() {}
}
