package io.github.matrixcors.testing;

import io.github.matrixcors.http.HeaderLine;
import java.util.List;

/**
 * A request as the {@link ScriptedHttpServer} received it.
 *
 * @param method the method from the request line
 * @param target the request target from the request line, for example {@code /path?query}
 * @param headers every header line in order, names as sent
 * @param body the body bytes read by {@code Content-Length}, empty when none
 */
public record RecordedRequest(String method, String target, List<HeaderLine> headers, byte[] body) {

    public RecordedRequest {
        headers = List.copyOf(headers);
        body = body.clone();
    }

    /** Returns the path of the target, without the query. */
    public String path() {
        int question = target.indexOf('?');
        return question < 0 ? target : target.substring(0, question);
    }

    /** Returns the value of the first header line named {@code name} (case-insensitive), or {@code null}. */
    public String header(String name) {
        return headers.stream()
                .filter(line -> line.hasName(name))
                .map(HeaderLine::value)
                .findFirst()
                .orElse(null);
    }

    /** Returns the values of every header line named {@code name} (case-insensitive). */
    public List<String> headers(String name) {
        return headers.stream()
                .filter(line -> line.hasName(name))
                .map(HeaderLine::value)
                .toList();
    }
}
