package io.github.matrixcors.hamcrest;

import io.github.matrixcors.cors.BrowserProfile;
import io.github.matrixcors.cors.BrowserRequest;
import io.github.matrixcors.cors.CorsEvaluator;
import io.github.matrixcors.cors.Finding;
import io.github.matrixcors.cors.Severity;
import io.github.matrixcors.cors.Verdict;
import io.github.matrixcors.http.Exchange;
import io.github.matrixcors.http.HeaderLine;
import io.github.matrixcors.http.Hop;
import io.github.matrixcors.http.SentRequest;
import java.util.ArrayList;
import java.util.List;

/** A matcher that runs the full browser verdict of {@link CorsEvaluator} for a given request. */
final class BrowserCheckMatcher extends CorsMatcher {

    private final BrowserRequest request;
    private final CorsEvaluator evaluator;
    private final boolean preflight;

    BrowserCheckMatcher(BrowserRequest request, BrowserProfile profile, boolean preflight) {
        super((preflight
                        ? "a preflight response that " + profile.displayName() + " accepts for "
                        : "a response that " + profile.displayName() + " lets through for ")
                + request.method() + " " + request.url() + " from " + request.origin());
        this.request = request;
        this.evaluator = new CorsEvaluator(profile);
        this.preflight = preflight;
    }

    @Override
    List<String> violations(CorsSubject subject) {
        Exchange exchange = subject.requestRecorded() ? new Exchange(subject.hops()) : withDescribedRequest(subject);
        boolean judgeAsPreflight = preflight || isPreflight(exchange);
        Verdict verdict = judgeAsPreflight
                ? evaluator.evaluatePreflight(request, exchange)
                : evaluator.evaluateResponse(request, exchange);
        List<String> violations = new ArrayList<>();
        for (Finding finding : verdict.findingsAtLeast(Severity.ERROR)) {
            violations.add(finding.ruleId() + ": " + finding.message());
        }
        return violations;
    }

    private boolean isPreflight(Exchange exchange) {
        return exchange.first().request().method().equals("OPTIONS")
                && !request.method().equals("OPTIONS");
    }

    // An HttpClient response has no recorded request, so the evaluator gets the request the matcher was given.
    private Exchange withDescribedRequest(CorsSubject subject) {
        Hop hop = subject.first();
        return new Exchange(List.of(new Hop(describedRequest(), hop.status(), hop.reasonPhrase(), hop.headers())));
    }

    private SentRequest describedRequest() {
        List<HeaderLine> headers = new ArrayList<>();
        if (preflight) {
            headers.add(new HeaderLine("Access-Control-Request-Method", request.method()));
            if (!request.unsafeHeaderNames().isEmpty()) {
                headers.add(new HeaderLine(
                        "Access-Control-Request-Headers", String.join(",", request.unsafeHeaderNames())));
            }
            headers.add(new HeaderLine("Origin", request.origin()));
            return new SentRequest("OPTIONS", request.url(), headers);
        }
        headers.addAll(request.headers());
        headers.add(new HeaderLine("Origin", request.origin()));
        return new SentRequest(request.method(), request.url(), headers);
    }
}
