package io.github.matrixcors.hamcrest;

import io.github.matrixcors.http.HeaderLine;
import io.github.matrixcors.http.Hop;
import io.github.matrixcors.http.SentRequest;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.HttpResponse;

/** Conversions from HttpClient 5 responses to the library's {@link Hop}. */
final class HttpResponses {

    private HttpResponses() {}

    /** Returns the placeholder request of a response whose request was not recorded. */
    static SentRequest unknownRequest() {
        return new SentRequest("GET", URI.create("http://request.not.recorded/"), List.of());
    }

    /** Returns {@code response} as a hop of {@code request}, header lines in order, duplicates kept apart. */
    static Hop toHop(HttpResponse response, SentRequest request) {
        List<HeaderLine> lines = new ArrayList<>();
        for (Header header : response.getHeaders()) {
            lines.add(new HeaderLine(header.getName(), header.getValue() == null ? "" : header.getValue()));
        }
        return new Hop(request, response.getCode(), response.getReasonPhrase(), lines);
    }
}
