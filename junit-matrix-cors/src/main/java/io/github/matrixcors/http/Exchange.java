package io.github.matrixcors.http;

import java.util.List;

/**
 * Everything that happened for one browser-level request: the first hop and one more per redirect followed. The probe
 * follows redirects itself, hop by hop, so that each hop can be judged the way a browser judges it.
 */
public record Exchange(List<Hop> hops) {

    public Exchange {
        hops = List.copyOf(hops);
        if (hops.isEmpty()) {
            throw new IllegalArgumentException("an exchange needs at least one hop");
        }
    }

    /** Returns the first hop: the request the page made. */
    public Hop first() {
        return hops.get(0);
    }

    /** Returns the last hop: the response the page would finally see, if every hop passed. */
    public Hop last() {
        return hops.get(hops.size() - 1);
    }

    /** Returns whether the exchange went through at least one redirect. */
    public boolean redirected() {
        return hops.size() > 1;
    }
}
