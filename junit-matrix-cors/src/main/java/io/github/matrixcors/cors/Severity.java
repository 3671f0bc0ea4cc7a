package io.github.matrixcors.cors;

/** How much a finding matters. Ordered from most to least severe. */
public enum Severity {
    /** A browser blocks the request. */
    ERROR,
    /** The request works, but deviates from the Matrix specification or degrades, for example by preflighting often. */
    WARNING,
    /** Worth knowing; nothing breaks. */
    INFO;

    /** Returns whether this severity is at least as severe as {@code threshold}. */
    public boolean isAtLeast(Severity threshold) {
        return ordinal() <= threshold.ordinal();
    }
}
