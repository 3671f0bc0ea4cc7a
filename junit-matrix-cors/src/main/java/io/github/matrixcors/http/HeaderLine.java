package io.github.matrixcors.http;

import java.util.Objects;

/**
 * One header line exactly as it was sent or received: the name keeps its case, the value is not trimmed, split or
 * merged with other lines of the same name.
 */
public record HeaderLine(String name, String value) {

    public HeaderLine {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }

    /** Returns whether this line's name equals {@code otherName}, ignoring ASCII case as HTTP does. */
    public boolean hasName(String otherName) {
        return name.equalsIgnoreCase(otherName);
    }

    @Override
    public String toString() {
        return name + ": " + value;
    }
}
