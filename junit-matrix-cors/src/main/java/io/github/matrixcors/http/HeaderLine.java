package io.github.matrixcors.http;

import java.util.Objects;

/**
 * One header line as it was sent or received: the name keeps its case, and the value is not split or merged with other
 * lines of the same name. HttpClient 5 strips leading and trailing white space from received values, as HTTP allows.
 */
public record HeaderLine(String name, String value) {

    /** An access token no homeserver issues; requests that must not change server state carry it. */
    public static final String INVALID_ACCESS_TOKEN = "matrixcors_invalid_token";

    public HeaderLine {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** Returns whether this line's name equals {@code otherName}, ignoring ASCII case as HTTP does. */
    public boolean hasName(String otherName) {
        return name.equalsIgnoreCase(otherName);
    }

    /**
     * Returns this line for reports and logs: an {@code Authorization} value keeps its scheme and shows
     * {@code <hidden>} in place of the credential, because test reports and CI logs are no place for an access token.
     * The deliberately invalid token {@value #INVALID_ACCESS_TOKEN} is shown as it is.
     */
    public String toDisplayText() {
        if (!hasName("Authorization") || value.endsWith(" " + INVALID_ACCESS_TOKEN)) {
            return toString();
        }
        int space = value.indexOf(' ');
        String scheme = space < 0 ? "" : value.substring(0, space + 1);
        return name + ": " + scheme + "<hidden>";
    }

    @Override
    public String toString() {
        return name + ": " + value;
    }
}
