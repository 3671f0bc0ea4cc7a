package io.github.matrixcors.examples.browser;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the page's script observed for one {@link BrowserCall}.
 *
 * <p>{@code allowed} is true when {@code fetch()} resolved, so the script could read the status and the exposed
 * headers. It is false when {@code fetch()} rejected with a {@code TypeError}, which is how a browser reports a CORS
 * failure to the script (a network failure looks the same to the script, so {@code console} shows which one it was).
 *
 * @param call the call made
 * @param allowed whether the script saw the response
 * @param status the response status the script saw, or 0 when it saw none
 * @param readableHeaders the response headers the script could read, lowercase names, values as the browser
 *     combined them
 * @param error the rejection as {@code "Name: message"}, or {@code null} when the call was allowed
 * @param timedOut whether the harness aborted the call because no response arrived in time
 * @param console the browser's console messages that name the call's URL, for example why CORS blocked it
 * @param millis the time from the start of the call until it resolved or rejected, in milliseconds
 */
public record BrowserOutcome(
        BrowserCall call,
        boolean allowed,
        int status,
        Map<String, String> readableHeaders,
        String error,
        boolean timedOut,
        List<String> console,
        long millis) {

    public BrowserOutcome {
        Objects.requireNonNull(call, "call");
        readableHeaders = Map.copyOf(readableHeaders);
        console = List.copyOf(console);
    }

    /** Returns a one-line summary: the status seen or the error, for tables. */
    public String summary() {
        if (allowed) {
            return "allowed, status " + status;
        }
        return timedOut ? "timed out" : "blocked (" + error + ")";
    }
}
