package io.github.matrixcors.hamcrest;

import io.github.matrixcors.cors.MaxAge;
import io.github.matrixcors.cors.TokenList;
import io.github.matrixcors.http.Hop;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.hamcrest.Matcher;
import org.hamcrest.StringDescription;

/**
 * The header checks behind the matchers, each returning one plain clause per violation, following the Fetch
 * Standard's CORS check and CORS-preflight fetch.
 */
final class HeaderViolations {

    static final String ALLOW_ORIGIN = "Access-Control-Allow-Origin";
    static final String ALLOW_METHODS = "Access-Control-Allow-Methods";
    static final String ALLOW_HEADERS = "Access-Control-Allow-Headers";
    static final String MAX_AGE = "Access-Control-Max-Age";

    private static final Set<String> SAFELISTED_METHODS = Set.of("GET", "HEAD", "POST");

    private HeaderViolations() {}

    /** Checks the parts of a preflight response that do not depend on the request. */
    static List<String> successfulPreflight(Hop hop) {
        List<String> violations = new ArrayList<>();
        if (hop.status() < 200 || hop.status() > 299) {
            String why = hop.isRedirect() ? ", and browsers never follow a redirect of a preflight" : "";
            violations.add("status is " + hop.status() + ", not 200-299" + why);
        }
        List<String> origins = hop.values(ALLOW_ORIGIN);
        if (origins.isEmpty()) {
            violations.add(ALLOW_ORIGIN + " is absent");
        } else {
            violations.addAll(singleAllowOrigin(hop));
            if (origins.size() == 1 && !isWildcardOrOrigin(origins.get(0))) {
                violations.add(ALLOW_ORIGIN + " " + quote(origins.get(0)) + " is neither * nor a serialized origin");
            }
        }
        invalidList(hop, ALLOW_METHODS).ifPresent(violations::add);
        invalidList(hop, ALLOW_HEADERS).ifPresent(violations::add);
        return violations;
    }

    /** Checks that the response passes the CORS check for {@code origin} without credentials. */
    static List<String> allowsOrigin(Hop hop, String origin) {
        List<String> origins = hop.values(ALLOW_ORIGIN);
        if (origins.isEmpty()) {
            return List.of(ALLOW_ORIGIN + " is absent");
        }
        if (origins.size() > 1) {
            return singleAllowOrigin(hop);
        }
        String value = origins.get(0);
        if (!value.equals("*") && !value.equals(origin)) {
            return List.of(ALLOW_ORIGIN + " is " + quote(value) + ", not * or " + quote(origin));
        }
        return List.of();
    }

    /** Checks that the response has one allow-origin value and that it satisfies {@code matcher}. */
    static List<String> allowOriginValue(Hop hop, Matcher<? super String> matcher) {
        List<String> origins = hop.values(ALLOW_ORIGIN);
        if (origins.isEmpty()) {
            return List.of(ALLOW_ORIGIN + " is absent");
        }
        if (origins.size() > 1) {
            return singleAllowOrigin(hop);
        }
        if (!matcher.matches(origins.get(0))) {
            StringDescription mismatch = new StringDescription();
            matcher.describeMismatch(origins.get(0), mismatch);
            return List.of(ALLOW_ORIGIN + " " + quote(origins.get(0)) + " does not match: " + mismatch);
        }
        return List.of();
    }

    /** Checks that the response has exactly one allow-origin line holding one value. */
    static List<String> singleAllowOrigin(Hop hop) {
        List<String> origins = hop.values(ALLOW_ORIGIN);
        if (origins.isEmpty()) {
            return List.of(ALLOW_ORIGIN + " is absent");
        }
        if (origins.size() > 1) {
            return List.of(ALLOW_ORIGIN + " has " + origins.size() + " lines (" + quoteAll(origins)
                    + "), which browsers combine into " + quote(String.join(", ", origins)));
        }
        if (origins.get(0).contains(",")) {
            return List.of(ALLOW_ORIGIN + " " + quote(origins.get(0)) + " holds more than one value");
        }
        return List.of();
    }

    /** Checks that a preflight response allows each of {@code methods} (case-sensitively, as browsers compare). */
    static List<String> allowsMethods(Hop hop, List<String> methods) {
        TokenList allowed = TokenList.parse(hop.values(ALLOW_METHODS));
        if (allowed.present() && !allowed.isValid()) {
            return List.of(invalidList(hop, ALLOW_METHODS).orElseThrow());
        }
        List<String> violations = new ArrayList<>();
        for (String method : methods) {
            if (SAFELISTED_METHODS.contains(method) || allowed.contains(method) || allowed.hasWildcard()) {
                continue;
            }
            if (!allowed.present()) {
                violations.add(ALLOW_METHODS + " is absent, so only GET, HEAD and POST are allowed, not " + method);
            } else if (allowed.containsIgnoreCase(method)) {
                violations.add(ALLOW_METHODS + " " + quote(String.join(", ", hop.values(ALLOW_METHODS))) + " lists "
                        + method + " in another case, but browsers compare methods case-sensitively");
            } else {
                violations.add(ALLOW_METHODS + " " + quote(String.join(", ", hop.values(ALLOW_METHODS)))
                        + " does not list " + method);
            }
        }
        return violations;
    }

    /**
     * Checks that a preflight response allows each of {@code names} (case-insensitively). A {@code *} covers every name
     * except {@code Authorization}, which the Fetch Standard requires to be listed by name.
     */
    static List<String> allowsRequestHeaders(Hop hop, List<String> names) {
        TokenList allowed = TokenList.parse(hop.values(ALLOW_HEADERS));
        if (allowed.present() && !allowed.isValid()) {
            return List.of(invalidList(hop, ALLOW_HEADERS).orElseThrow());
        }
        List<String> violations = new ArrayList<>();
        for (String name : names) {
            boolean authorization = name.equalsIgnoreCase("Authorization");
            if (allowed.containsIgnoreCase(name) || (allowed.hasWildcard() && !authorization)) {
                continue;
            }
            if (!allowed.present()) {
                violations.add(ALLOW_HEADERS + " is absent, so " + name + " is not allowed");
            } else if (authorization && allowed.hasWildcard()) {
                violations.add(ALLOW_HEADERS + " " + quote(String.join(", ", hop.values(ALLOW_HEADERS)))
                        + " covers Authorization only through *, which the Fetch Standard does not allow");
            } else {
                violations.add(ALLOW_HEADERS + " " + quote(String.join(", ", hop.values(ALLOW_HEADERS)))
                        + " does not list " + name);
            }
        }
        return violations;
    }

    /** Checks that a preflight response has a usable max age, in seconds, that satisfies {@code matcher}. */
    static List<String> maxAge(Hop hop, Matcher<? super Long> matcher) {
        MaxAge maxAge = MaxAge.parse(hop.values(MAX_AGE));
        return switch (maxAge.kind()) {
            case MISSING -> List.of(MAX_AGE + " is absent, so browsers cache the preflight for 5 s");
            case MULTIPLE ->
                List.of(MAX_AGE + " has " + hop.values(MAX_AGE).size() + " lines (" + quoteAll(hop.values(MAX_AGE))
                        + "), which browsers treat as invalid");
            case INVALID -> List.of(MAX_AGE + " " + quote(maxAge.rawValue()) + " is not a number of seconds");
            case VALID -> {
                if (matcher.matches(maxAge.seconds())) {
                    yield List.of();
                }
                StringDescription mismatch = new StringDescription();
                matcher.describeMismatch(maxAge.seconds(), mismatch);
                yield List.of(MAX_AGE + " " + maxAge.seconds() + " s does not match: " + mismatch);
            }
        };
    }

    private static Optional<String> invalidList(Hop hop, String name) {
        TokenList list = TokenList.parse(hop.values(name));
        if (list.present() && !list.isValid()) {
            return Optional.of(name + " " + quote(String.join(", ", hop.values(name)))
                    + " has the invalid element " + quote(list.invalidElement())
                    + ", so browsers fail the whole preflight");
        }
        return Optional.empty();
    }

    private static boolean isWildcardOrOrigin(String value) {
        return value.equals("*") || value.equals("null") || value.matches("[a-zA-Z][a-zA-Z0-9+.-]*://[^/?#\\s,]+");
    }

    /** Returns {@code value} in double quotes, with control and non-ASCII characters escaped as {@code \xNN}. */
    static String quote(String value) {
        StringBuilder quoted = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
                quoted.append(String.format("\\x%02X", (int) c & 0xff));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    private static String quoteAll(List<String> values) {
        return values.stream().map(HeaderViolations::quote).collect(Collectors.joining(", "));
    }
}
