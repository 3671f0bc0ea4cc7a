package io.github.matrixcors.cors;

import java.util.List;

/**
 * The {@code Access-Control-Max-Age} of a preflight response, parsed as the Fetch Standard's "CORS-preflight fetch"
 * does: the header is single-valued and must be {@code delta-seconds} (one or more digits). Missing, invalid or
 * duplicated means the default of 5 seconds; each browser then caps the value at its own limit.
 *
 * @param kind what the response carried
 * @param rawValue the combined value as received, {@code null} when absent
 * @param seconds the parsed value when {@link Kind#VALID}, otherwise -1
 */
public record MaxAge(Kind kind, String rawValue, long seconds) {

    /** The preflight cache lifetime when the header is missing or unusable, in seconds. */
    public static final long DEFAULT_SECONDS = 5;

    /** The form of the header in the response. */
    public enum Kind {
        MISSING,
        /** More than one line, which the Fetch Standard treats as a parse failure. */
        MULTIPLE,
        /** One line that is not {@code delta-seconds}. */
        INVALID,
        VALID
    }

    /** Parses the values of every {@code Access-Control-Max-Age} line, in order. */
    public static MaxAge parse(List<String> lineValues) {
        if (lineValues.isEmpty()) {
            return new MaxAge(Kind.MISSING, null, -1);
        }
        String combined = String.join(", ", lineValues);
        if (lineValues.size() > 1) {
            return new MaxAge(Kind.MULTIPLE, combined, -1);
        }
        String value = TokenList.trimHttpWhitespace(combined);
        if (value.isEmpty() || !value.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return new MaxAge(Kind.INVALID, combined, -1);
        }
        // delta-seconds has no upper bound; saturate so that any huge value is simply capped later.
        long seconds = value.length() > 18 ? Long.MAX_VALUE : Long.parseLong(value);
        return new MaxAge(Kind.VALID, combined, seconds);
    }

    /**
     * Returns how long {@code profile} caches the preflight, in seconds. The Fetch Standard and WebKit use 5 s for a
     * missing or unusable value. Chromium uses 0 s for a negative integer and 5 s for anything else unusable. Firefox
     * caches nothing when the value has any non-digit, duplicates included, because it reads the lines combined.
     */
    public long effectiveSeconds(BrowserProfile profile) {
        return switch (kind) {
            case MISSING -> DEFAULT_SECONDS;
            case VALID -> Math.min(seconds, profile.maxAgeCapSeconds());
            case MULTIPLE, INVALID ->
                switch (profile) {
                    case FIREFOX -> 0;
                    case CHROMIUM -> isNegativeInteger(rawValue) ? 0 : DEFAULT_SECONDS;
                    case SPEC, WEBKIT -> DEFAULT_SECONDS;
                };
        };
    }

    private static boolean isNegativeInteger(String value) {
        String trimmed = value == null ? "" : value.trim();
        return trimmed.length() > 1
                && trimmed.charAt(0) == '-'
                && trimmed.substring(1).chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
