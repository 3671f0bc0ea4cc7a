package io.github.matrixcors.cors;

import io.github.matrixcors.http.Exchange;
import io.github.matrixcors.http.Hop;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The Fetch Standard's "CORS-preflight fetch" checks on a preflight response: no redirect, the CORS check, an ok
 * status, then {@code Access-Control-Allow-Methods}, {@code Access-Control-Allow-Headers} and
 * {@code Access-Control-Max-Age}.
 */
final class PreflightRules {

    private static final Set<String> SAFELISTED_METHODS = Set.of("GET", "HEAD", "POST");

    private final BrowserProfile profile;

    PreflightRules(BrowserProfile profile) {
        this.profile = profile;
    }

    List<Finding> evaluate(BrowserRequest request, Exchange preflight) {
        List<Finding> findings = new ArrayList<>();
        Hop hop = preflight.first();

        if (hop.isRedirect() || preflight.redirected()) {
            findings.add(new Finding(
                    CorsRuleIds.PREFLIGHT_REDIRECT,
                    Severity.ERROR,
                    "The preflight " + Describe.target(hop, false) + " was answered by " + Describe.redirect(hop, false)
                            + ", and browsers never follow a redirect on a preflight.",
                    hop,
                    FixHints.preflightRedirected()));
            return findings;
        }

        CorsCheck.check(hop, request.origin(), request.credentials(), CorsCheck.Role.PREFLIGHT, false)
                .ifPresent(findings::add);

        if (hop.status() < 200 || hop.status() > 299) {
            findings.add(new Finding(
                    CorsRuleIds.PREFLIGHT_STATUS,
                    Severity.ERROR,
                    "The preflight " + Describe.target(hop, false) + " got status " + hop.status()
                            + ", and browsers require a 2xx status such as 200 or 204 on a preflight.",
                    hop,
                    FixHints.preflightNotOk()));
            return findings;
        }

        TokenList methods = TokenList.parse(hop.values("Access-Control-Allow-Methods"));
        TokenList headers = TokenList.parse(hop.values("Access-Control-Allow-Headers"));
        boolean listsValid = true;
        if (methods.present() && !methods.isValid()) {
            findings.add(invalidList(hop, "Access-Control-Allow-Methods", methods, CorsRuleIds.ALLOW_METHODS_INVALID));
            listsValid = false;
        }
        if (headers.present() && !headers.isValid()) {
            findings.add(invalidList(hop, "Access-Control-Allow-Headers", headers, CorsRuleIds.ALLOW_HEADERS_INVALID));
            listsValid = false;
        }
        if (listsValid) {
            checkMethod(request, hop, methods, findings);
            checkHeaders(request, hop, headers, findings);
        }

        checkMaxAge(hop, findings);
        return findings;
    }

    private void checkMethod(BrowserRequest request, Hop hop, TokenList methods, List<Finding> findings) {
        String method = request.normalizedMethod();
        if (SAFELISTED_METHODS.contains(method) || methods.contains(method)) {
            return;
        }
        String value = Describe.quote(joined(hop, "Access-Control-Allow-Methods"));
        String where = Describe.preflight(hop);
        boolean include = request.credentials() == CredentialsMode.INCLUDE;

        if (methods.hasWildcard() && !include) {
            return;
        }
        if (methods.hasWildcard()) {
            findings.add(new Finding(
                    CorsRuleIds.ALLOW_METHODS_WILDCARD_WITH_CREDENTIALS,
                    Severity.ERROR,
                    "Access-Control-Allow-Methods is " + value + " on " + where + ", but for a request with"
                            + " credentials mode \"include\" \"*\" is no wildcard, so the browser blocks " + method
                            + ".",
                    hop,
                    FixHints.allowMethodsIncomplete()));
            return;
        }

        String reason;
        if (!methods.present()) {
            reason = ", so the browser allows only GET, HEAD and POST and blocks " + method + ".";
        } else if (methods.containsIgnoreCase(method)) {
            reason = ", which lists " + method + " only in another case, and browsers compare methods"
                    + " case-sensitively, so they block it.";
        } else {
            reason = ", which does not list " + method + ", so the browser blocks it.";
        }
        findings.add(new Finding(
                CorsRuleIds.ALLOW_METHODS_MISSING_METHOD,
                Severity.ERROR,
                "Access-Control-Allow-Methods is " + value + " on " + where + reason,
                hop,
                FixHints.allowMethodsIncomplete()));
    }

    private void checkHeaders(BrowserRequest request, Hop hop, TokenList allowed, List<Finding> findings) {
        String value = Describe.quote(joined(hop, "Access-Control-Allow-Headers"));
        String where = Describe.preflight(hop);
        boolean wildcard = allowed.hasWildcard();
        boolean include = request.credentials() == CredentialsMode.INCLUDE;

        List<String> unlisted = request.unsafeHeaderNames().stream()
                .filter(name -> !allowed.containsIgnoreCase(name))
                .toList();
        if (unlisted.isEmpty()) {
            return;
        }
        if (wildcard && include) {
            findings.add(new Finding(
                    CorsRuleIds.ALLOW_HEADERS_WILDCARD_WITH_CREDENTIALS,
                    Severity.ERROR,
                    "Access-Control-Allow-Headers is " + value + " on " + where + ", but for a request with"
                            + " credentials mode \"include\" \"*\" is no wildcard, so the browser blocks the "
                            + headerNames(unlisted) + ".",
                    hop,
                    FixHints.allowHeadersIncomplete()));
        } else if (wildcard) {
            if (unlisted.contains("authorization")) {
                findings.add(wildcardAuthorization(hop, value, where));
            }
        } else {
            findings.add(new Finding(
                    CorsRuleIds.ALLOW_HEADERS_MISSING_HEADER,
                    Severity.ERROR,
                    "Access-Control-Allow-Headers is " + value + " on " + where + ", which does not list the "
                            + headerNames(unlisted) + " the request sends, so the browser blocks it.",
                    hop,
                    FixHints.allowHeadersIncomplete()));
        }
    }

    private static String headerNames(List<String> names) {
        if (names.size() == 1) {
            return names.get(0) + " header";
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1)
                + " headers";
    }

    private Finding wildcardAuthorization(Hop hop, String value, String where) {
        if (!profile.wildcardCoversAuthorization()) {
            return new Finding(
                    CorsRuleIds.ALLOW_HEADERS_WILDCARD_AUTHORIZATION,
                    Severity.ERROR,
                    "Access-Control-Allow-Headers is " + value + " on " + where + ", and under " + profile.displayName()
                            + " \"*\" never covers Authorization, so the request is blocked.",
                    hop,
                    FixHints.allowHeadersIncomplete());
        }
        return new Finding(
                CorsRuleIds.ALLOW_HEADERS_WILDCARD_AUTHORIZATION,
                Severity.WARNING,
                "Access-Control-Allow-Headers is " + value + " on " + where + ", which " + profile.displayName()
                        + " accepts for Authorization although the Fetch Standard does not, so list Authorization"
                        + " by name.",
                hop,
                FixHints.allowHeadersIncomplete());
    }

    private void checkMaxAge(Hop hop, List<Finding> findings) {
        MaxAge maxAge = MaxAge.parse(hop.values("Access-Control-Max-Age"));
        long effective = maxAge.effectiveSeconds(profile);
        String where = Describe.preflight(hop);
        String cache = ", so " + profile.displayName() + " caches the preflight for " + effective
                + " s and preflights every authenticated call again after that.";

        switch (maxAge.kind()) {
            case MISSING ->
                findings.add(new Finding(
                        CorsRuleIds.MAX_AGE_MISSING,
                        Severity.WARNING,
                        "Access-Control-Max-Age is absent on " + where + cache,
                        hop,
                        FixHints.maxAgeMissing()));
            case MULTIPLE ->
                findings.add(new Finding(
                        CorsRuleIds.MAX_AGE_MULTIPLE,
                        Severity.WARNING,
                        "Access-Control-Max-Age has several lines ("
                                + Describe.quoteAll(hop.values("Access-Control-Max-Age")) + ") on " + where
                                + ", which the Fetch Standard treats as invalid" + cache,
                        hop,
                        FixHints.maxAgeMissing()));
            case INVALID ->
                findings.add(new Finding(
                        CorsRuleIds.MAX_AGE_INVALID,
                        Severity.WARNING,
                        "Access-Control-Max-Age is " + Describe.quote(maxAge.rawValue()) + " on " + where
                                + ", which is not a number of seconds" + cache,
                        hop,
                        List.of()));
            case VALID -> {
                if (maxAge.seconds() > profile.maxAgeCapSeconds()) {
                    findings.add(new Finding(
                            CorsRuleIds.MAX_AGE_CAPPED,
                            Severity.INFO,
                            "Access-Control-Max-Age is " + Describe.quote(maxAge.rawValue()) + " on " + where
                                    + ", above the cap of " + profile.displayName() + ", which caches the preflight"
                                    + " for " + effective + " s.",
                            hop,
                            List.of()));
                }
            }
        }
    }

    private static Finding invalidList(Hop hop, String header, TokenList list, String ruleId) {
        return new Finding(
                ruleId,
                Severity.ERROR,
                header + " is " + Describe.quote(joined(hop, header)) + " on " + Describe.preflight(hop)
                        + ", and its element " + Describe.quote(list.invalidElement())
                        + " is not a token, so the browser fails the whole preflight.",
                hop,
                List.of());
    }

    private static String joined(Hop hop, String header) {
        List<String> values = hop.values(header);
        return values.isEmpty() ? null : String.join(", ", values);
    }
}
