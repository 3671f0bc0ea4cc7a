package io.github.matrixcors.examples.browser;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Maps the reason in Chromium's "blocked by CORS policy" console message to the engine rules that describe the same
 * failure, so that a blocked call is checked for the right reason and not only for the outcome. The phrases are those
 * of Chromium 156; a message that matches none of them is not checked.
 */
final class ChromiumReasons {

    // Checked in order: the more specific phrases come first.
    private static final Map<String, Set<String>> RULES_BY_PHRASE = new LinkedHashMap<>();

    static {
        RULES_BY_PHRASE.put("Redirect is not allowed for a preflight request", Set.of("cors.preflight.redirect"));
        RULES_BY_PHRASE.put("It does not have HTTP ok status", Set.of("cors.preflight.status"));
        RULES_BY_PHRASE.put("contains multiple values", Set.of("cors.allow-origin.multiple"));
        RULES_BY_PHRASE.put(
                "No 'Access-Control-Allow-Origin' header is present",
                Set.of("cors.allow-origin.missing", "cors.redirect.allow-origin-missing"));
        RULES_BY_PHRASE.put("that is not equal to the supplied origin", Set.of("cors.allow-origin.mismatch"));
        RULES_BY_PHRASE.put(
                "is not allowed by Access-Control-Allow-Methods", Set.of("cors.allow-methods.missing-method"));
        RULES_BY_PHRASE.put(
                "is not allowed by Access-Control-Allow-Headers", Set.of("cors.allow-headers.missing-header"));
        RULES_BY_PHRASE.put("Cannot parse Access-Control-Allow-Headers", Set.of("cors.allow-headers.invalid"));
    }

    private ChromiumReasons() {}

    /** Returns the engine rules that match Chromium's reason in {@code console}, or empty when no phrase is known. */
    static Optional<Set<String>> expectedRules(List<String> console) {
        for (String message : console) {
            if (!message.contains("blocked by CORS policy")) {
                continue;
            }
            for (Map.Entry<String, Set<String>> phrase : RULES_BY_PHRASE.entrySet()) {
                if (message.contains(phrase.getKey())) {
                    return Optional.of(phrase.getValue());
                }
            }
        }
        return Optional.empty();
    }
}
