package io.github.matrixcors.hamcrest;

import io.github.matrixcors.http.Exchange;
import io.github.matrixcors.http.Hop;
import io.github.matrixcors.matrix.CheckResult;
import java.util.List;
import org.apache.hc.core5.http.HttpResponse;

/**
 * The responses a CORS matcher examines, whatever type the caller passed: the hops of a recorded {@link Exchange}, one
 * {@link Hop}, the first exchange of a {@link CheckResult}, or an HttpClient 5 {@link HttpResponse}, whose request is
 * not recorded.
 *
 * @param typeName the simple name of the type passed, for messages
 * @param hops the responses, in order; an HttpClient response becomes one hop whose request is a placeholder
 * @param requestRecorded whether the hops' requests are what was really sent
 * @param checkResult the check result passed, or {@code null}
 */
record CorsSubject(String typeName, List<Hop> hops, boolean requestRecorded, CheckResult checkResult) {

    /** The types the matchers accept, for mismatch messages. */
    static final String ACCEPTED_TYPES = "an Exchange, Hop, CheckResult or org.apache.hc.core5.http.HttpResponse";

    /** Returns the subject for {@code item}, or {@code null} when its type is not one of {@link #ACCEPTED_TYPES}. */
    static CorsSubject of(Object item) {
        if (item instanceof Exchange exchange) {
            return new CorsSubject("Exchange", exchange.hops(), true, null);
        }
        if (item instanceof Hop hop) {
            return new CorsSubject("Hop", List.of(hop), true, null);
        }
        if (item instanceof CheckResult result) {
            List<Hop> hops = result.exchanges().isEmpty()
                    ? List.of()
                    : result.exchanges().get(0).hops();
            return new CorsSubject("CheckResult", hops, true, result);
        }
        if (item instanceof HttpResponse response) {
            Hop hop = HttpResponses.toHop(response, HttpResponses.unknownRequest());
            return new CorsSubject("HttpResponse", List.of(hop), false, null);
        }
        return null;
    }

    /** Returns the first hop: the preflight, or the first response of an actual request. */
    Hop first() {
        return hops.get(0);
    }

    /**
     * Returns the name of the check result, if any, and the request and response lines of every hop, indented, as
     * mismatch messages show them.
     */
    String evidence() {
        StringBuilder text = new StringBuilder();
        if (checkResult != null) {
            text.append("\ncheck: ").append(checkResult.name());
        }
        for (int i = 0; i < hops.size(); i++) {
            Hop hop = hops.get(i);
            String label = hops.size() == 1 ? "" : " " + (i + 1);
            if (requestRecorded) {
                text.append("\nrequest").append(label).append(":");
                appendIndented(text, hop.request().toHttpText());
            } else {
                text.append("\nrequest: not recorded in an HttpClient response");
            }
            text.append("\nresponse").append(label).append(":");
            appendIndented(text, hop.toHttpText());
        }
        return text.toString();
    }

    private static void appendIndented(StringBuilder text, String lines) {
        lines.lines().forEach(line -> text.append("\n  ").append(line));
    }
}
