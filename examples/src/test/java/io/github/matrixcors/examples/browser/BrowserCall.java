package io.github.matrixcors.examples.browser;

import io.github.matrixcors.cors.BrowserRequest;
import io.github.matrixcors.http.HeaderLine;
import java.util.Objects;

/**
 * One {@code fetch()} call for the page to make: the cross-origin request as the engine models it, plus the body the
 * script sends.
 *
 * @param name a short label for tables and messages, for example {@code "PUT send event"}
 * @param request the request; its origin must be the origin of the page that makes the call
 * @param body the request body, or {@code null} for none
 */
public record BrowserCall(String name, BrowserRequest request, String body) {

    public BrowserCall {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(request, "request");
        for (HeaderLine line : request.headers()) {
            if (line.hasName("Origin")) {
                throw new IllegalArgumentException("call '" + name + "' sets the Origin header itself, but a browser"
                        + " sets Origin from the page: remove it from the request's headers");
            }
        }
    }

    /** Returns a call without a body. */
    public static BrowserCall of(String name, BrowserRequest request) {
        return new BrowserCall(name, request, null);
    }
}
