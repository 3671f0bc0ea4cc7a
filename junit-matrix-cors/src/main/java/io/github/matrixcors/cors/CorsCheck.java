package io.github.matrixcors.cors;

import io.github.matrixcors.http.Hop;
import java.util.List;
import java.util.Optional;

/**
 * The Fetch Standard's "CORS check" on one response: {@code Access-Control-Allow-Origin} must be exactly {@code *}
 * (when the credentials mode is not {@code include}) or the request's serialized origin, after the browser combines
 * all of its lines with ", "; a credentialed request also needs {@code Access-Control-Allow-Credentials: true}.
 */
final class CorsCheck {

    /** Which kind of response is checked, which decides the wording, rule id and fix hints. */
    enum Role {
        PREFLIGHT,
        RESPONSE,
        REDIRECT
    }

    private CorsCheck() {}

    /**
     * Returns the first failure of the CORS check on {@code hop}, if any. The Fetch Standard stops at the first
     * failing step, and so does this.
     *
     * @param origin the value of the {@code Origin} header the hop was sent with, {@code null} after tainting
     * @param fullUrl whether to name the hop by its full URL rather than its path
     */
    static Optional<Finding> check(Hop hop, String origin, CredentialsMode credentials, Role role, boolean fullUrl) {
        String where = switch (role) {
            case PREFLIGHT -> Describe.preflight(hop);
            case RESPONSE -> Describe.response(hop, fullUrl);
            case REDIRECT -> Describe.redirect(hop, fullUrl);
        };
        List<String> lines = hop.values("Access-Control-Allow-Origin");

        if (lines.isEmpty()) {
            return Optional.of(missing(hop, role, where));
        }

        String combined = String.join(", ", lines);
        if (lines.size() > 1 || combined.contains(",")) {
            String description = lines.size() > 1
                    ? "has " + lines.size() + " lines (" + Describe.quoteAll(lines) + ") on " + where
                            + ", and browsers combine them into " + Describe.quote(combined)
                    : "is " + Describe.quote(combined) + " on " + where + ", a list";
            return Optional.of(new Finding(
                    CorsRuleIds.ALLOW_ORIGIN_MULTIPLE,
                    Severity.ERROR,
                    "Access-Control-Allow-Origin " + description
                            + ", which matches no origin, so the browser blocks it.",
                    hop,
                    FixHints.duplicateAllowOrigin()));
        }

        boolean include = credentials == CredentialsMode.INCLUDE;
        if (combined.equals("*") && !include) {
            return Optional.empty();
        }
        if (combined.equals("*")) {
            return Optional.of(new Finding(
                    CorsRuleIds.ALLOW_ORIGIN_WILDCARD_WITH_CREDENTIALS,
                    Severity.ERROR,
                    "Access-Control-Allow-Origin is \"*\" on " + where + ", but a request with credentials mode"
                            + " \"include\" needs the exact origin " + Describe.quote(serialized(origin)) + ".",
                    hop,
                    List.of()));
        }
        if (!combined.equals(serialized(origin))) {
            return Optional.of(new Finding(
                    CorsRuleIds.ALLOW_ORIGIN_MISMATCH,
                    Severity.ERROR,
                    "Access-Control-Allow-Origin is " + Describe.quote(combined) + " on " + where
                            + ", which is neither \"*\" nor the request's origin " + Describe.quote(serialized(origin))
                            + " (browsers compare byte for byte), so the browser blocks it.",
                    hop,
                    List.of()));
        }
        if (!include) {
            return Optional.empty();
        }

        List<String> allowCredentials = hop.values("Access-Control-Allow-Credentials");
        String credentialsValue = allowCredentials.isEmpty() ? null : String.join(", ", allowCredentials);
        if ("true".equals(credentialsValue)) {
            return Optional.empty();
        }
        return Optional.of(new Finding(
                CorsRuleIds.ALLOW_CREDENTIALS_MISSING,
                Severity.ERROR,
                "Access-Control-Allow-Credentials is " + Describe.quote(credentialsValue) + " on " + where
                        + ", but a request with credentials mode \"include\" needs exactly \"true\".",
                hop,
                List.of()));
    }

    private static Finding missing(Hop hop, Role role, String where) {
        if (role == Role.REDIRECT) {
            return new Finding(
                    CorsRuleIds.REDIRECT_ALLOW_ORIGIN_MISSING,
                    Severity.ERROR,
                    "Access-Control-Allow-Origin is absent on " + where
                            + ", so the browser stops at the redirect even if its target is fine.",
                    hop,
                    FixHints.missingOnRedirect());
        }
        List<FixHint> hints = hop.status() >= 400 ? FixHints.missingOnErrorResponses() : FixHints.missingAllowOrigin();
        return new Finding(
                CorsRuleIds.ALLOW_ORIGIN_MISSING,
                Severity.ERROR,
                "Access-Control-Allow-Origin is absent on " + where + ", so the browser blocks the response.",
                hop,
                role == Role.PREFLIGHT && (hop.status() < 200 || hop.status() > 299) ? List.of() : hints);
    }

    private static String serialized(String origin) {
        return origin == null ? "null" : origin;
    }
}
