package io.github.matrixcors.cors;

import java.util.Objects;

/** How to fix a finding in one reverse proxy's configuration, for example {@code add_header ... always;}. */
public record FixHint(ProxyKind proxy, String text) {

    public FixHint {
        Objects.requireNonNull(proxy, "proxy");
        Objects.requireNonNull(text, "text");
    }

    @Override
    public String toString() {
        return proxy.displayName() + ": " + text;
    }
}
