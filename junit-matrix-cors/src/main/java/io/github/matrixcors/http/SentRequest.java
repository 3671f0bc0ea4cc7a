package io.github.matrixcors.http;

import java.net.URI;
import java.util.List;
import java.util.Objects;

/** A request as it went on the wire: method, absolute URL and header lines in the order they were sent. */
public record SentRequest(String method, URI uri, List<HeaderLine> headers) {

    public SentRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        headers = List.copyOf(headers);
    }

    /** Returns the value of the first header line named {@code name}, or {@code null} when none was sent. */
    public String header(String name) {
        return headers.stream()
                .filter(line -> line.hasName(name))
                .map(HeaderLine::value)
                .findFirst()
                .orElse(null);
    }

    /**
     * Returns the request line and header lines, one per line, as they would appear in an HTTP/1.1 message, with a
     * real access token hidden (see {@link HeaderLine#toDisplayText()}).
     */
    public String toHttpText() {
        StringBuilder text = new StringBuilder();
        text.append(method).append(' ').append(uri).append('\n');
        for (HeaderLine line : headers) {
            text.append(line.toDisplayText()).append('\n');
        }
        return text.toString();
    }
}
