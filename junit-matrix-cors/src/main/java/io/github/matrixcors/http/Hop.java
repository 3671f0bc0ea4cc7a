package io.github.matrixcors.http;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One request and the response it got. A redirect chain has one hop per response, so each 3xx is judged on its own.
 *
 * @param request what was sent
 * @param status the response status code
 * @param reasonPhrase the reason phrase from the status line, possibly empty
 * @param headers every response header line as received, duplicates kept apart and in order
 */
public record Hop(SentRequest request, int status, String reasonPhrase, List<HeaderLine> headers) {

    public Hop {
        Objects.requireNonNull(request, "request");
        reasonPhrase = reasonPhrase == null ? "" : reasonPhrase;
        headers = List.copyOf(headers);
    }

    /** Returns the values of every line named {@code name} (case-insensitive), one entry per line, in order. */
    public List<String> values(String name) {
        return headers.stream()
                .filter(line -> line.hasName(name))
                .map(HeaderLine::value)
                .toList();
    }

    /** Returns whether the status is a redirect that a browser would follow (301, 302, 303, 307, 308). */
    public boolean isRedirect() {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    /** Returns the redirect target resolved against the request URL, when this hop is a redirect with a Location. */
    public Optional<URI> location() {
        List<String> locations = values("Location");
        if (!isRedirect() || locations.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(request.uri().resolve(locations.get(0).trim()));
        } catch (IllegalArgumentException invalid) {
            return Optional.empty();
        }
    }

    /** Returns the status line and header lines as they would appear in an HTTP/1.1 message. */
    public String toHttpText() {
        StringBuilder text = new StringBuilder();
        text.append(status);
        if (!reasonPhrase.isEmpty()) {
            text.append(' ').append(reasonPhrase);
        }
        text.append('\n');
        for (HeaderLine line : headers) {
            text.append(line).append('\n');
        }
        return text.toString();
    }
}
