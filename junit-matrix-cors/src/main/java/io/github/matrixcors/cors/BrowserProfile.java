package io.github.matrixcors.cors;

/**
 * Whose CORS rules a verdict follows: the Fetch Standard, or a browser engine where it deviates from it.
 *
 * <p>The deviations modelled here, with the engine source they were read from:
 *
 * <ul>
 *   <li>{@code Access-Control-Allow-Headers: *} covers {@code Authorization} in Chromium (feature
 *       {@code CorsNonWildcardRequestHeadersSupport} disabled by default), Firefox (pref
 *       {@code network.cors_preflight.authorization_covered_by_wildcard}, default {@code true}) and WebKit; the Fetch
 *       Standard says it never does.
 *   <li>The preflight cache lifetime from {@code Access-Control-Max-Age} is capped at 7200 s in Chromium
 *       ({@code preflight_result.cc}), 86400 s in Firefox ({@code nsCORSListenerProxy.cpp}) and 600 s in WebKit
 *       ({@code CrossOriginPreflightResultCache.cpp}); the Fetch Standard leaves the cap to the user agent.
 * </ul>
 */
public enum BrowserProfile {
    /** The Fetch Standard as written. Its Max-Age cap is implementation-defined; this profile uses Chromium's. */
    SPEC("the Fetch Standard", false, 7200),
    CHROMIUM("Chromium", true, 7200),
    FIREFOX("Firefox", true, 86400),
    WEBKIT("WebKit (Safari)", true, 600);

    private final String displayName;
    private final boolean wildcardCoversAuthorization;
    private final long maxAgeCapSeconds;

    BrowserProfile(String displayName, boolean wildcardCoversAuthorization, long maxAgeCapSeconds) {
        this.displayName = displayName;
        this.wildcardCoversAuthorization = wildcardCoversAuthorization;
        this.maxAgeCapSeconds = maxAgeCapSeconds;
    }

    /** Returns the name used in findings, for example {@code "Chromium"}. */
    public String displayName() {
        return displayName;
    }

    /** Returns whether {@code Access-Control-Allow-Headers: *} lets an {@code Authorization} header through. */
    public boolean wildcardCoversAuthorization() {
        return wildcardCoversAuthorization;
    }

    /** Returns the longest preflight cache lifetime this engine honours, in seconds. */
    public long maxAgeCapSeconds() {
        return maxAgeCapSeconds;
    }
}
