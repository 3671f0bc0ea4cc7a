package io.github.matrixcors.cors;

import java.util.ArrayList;
import java.util.List;

/**
 * The value of a list-valued CORS header such as {@code Access-Control-Allow-Methods}, parsed as the Fetch Standard's
 * "extract header list values" does: every line of the header is split on commas, elements are trimmed, empty elements
 * are skipped, and each remaining element must be an RFC 9110 {@code token}. One invalid element makes the whole list
 * invalid, and a browser then fails the preflight.
 *
 * @param present whether the response has at least one line of the header
 * @param elements the non-empty elements in order; empty when invalid
 * @param invalidElement the first element that is not a token, or {@code null} when the list is valid
 */
public record TokenList(boolean present, List<String> elements, String invalidElement) {

    public TokenList {
        elements = List.copyOf(elements);
    }

    /** Parses the values of every line of one header, in order. */
    public static TokenList parse(List<String> lineValues) {
        if (lineValues.isEmpty()) {
            return new TokenList(false, List.of(), null);
        }
        List<String> elements = new ArrayList<>();
        for (String line : lineValues) {
            for (String element : line.split(",", -1)) {
                String trimmed = trimHttpWhitespace(element);
                if (trimmed.isEmpty()) {
                    continue;
                }
                if (!isToken(trimmed)) {
                    return new TokenList(true, List.of(), trimmed);
                }
                elements.add(trimmed);
            }
        }
        return new TokenList(true, elements, null);
    }

    /** Returns whether the header is present and every element is a token. */
    public boolean isValid() {
        return present && invalidElement == null;
    }

    /** Returns whether an element equals {@code value} exactly, as method names are compared. */
    public boolean contains(String value) {
        return elements.contains(value);
    }

    /** Returns whether an element equals {@code value} ignoring ASCII case, as header names are compared. */
    public boolean containsIgnoreCase(String value) {
        return elements.stream().anyMatch(element -> element.equalsIgnoreCase(value));
    }

    /** Returns whether the list contains the wildcard {@code *}. */
    public boolean hasWildcard() {
        return elements.contains("*");
    }

    /** Returns whether {@code value} is an RFC 9110 token: one or more tchar. */
    public static boolean isToken(String value) {
        if (value.isEmpty()) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (!isTchar(value.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static String trimHttpWhitespace(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isHttpWhitespace(value.charAt(start))) {
            start++;
        }
        while (end > start && isHttpWhitespace(value.charAt(end - 1))) {
            end--;
        }
        return value.substring(start, end);
    }

    private static boolean isHttpWhitespace(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static boolean isTchar(char c) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
            return true;
        }
        return "!#$%&'*+-.^_`|~".indexOf(c) >= 0;
    }
}
