package io.github.matrixcors.hamcrest;

import io.github.matrixcors.http.Hop;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** A matcher that applies header checks to the first hop (a preflight) or to every hop (an actual request). */
final class HopMatcher extends CorsMatcher {

    /** The hops the checks apply to. */
    enum Scope {
        /** The first response only: a preflight, which is never redirected. */
        FIRST_HOP,
        /** Every response, redirects included, because the browser runs the CORS check on each. */
        EVERY_HOP
    }

    private final Scope scope;
    private final Function<Hop, List<String>> check;

    HopMatcher(String description, Scope scope, Function<Hop, List<String>> check) {
        super(description);
        this.scope = scope;
        this.check = check;
    }

    @Override
    List<String> violations(CorsSubject subject) {
        if (scope == Scope.FIRST_HOP || subject.hops().size() == 1) {
            return check.apply(subject.first());
        }
        List<String> violations = new ArrayList<>();
        for (int i = 0; i < subject.hops().size(); i++) {
            Hop hop = subject.hops().get(i);
            String label = "response " + (i + 1) + " (" + hop.status() + "): ";
            check.apply(hop).forEach(violation -> violations.add(label + violation));
        }
        return violations;
    }
}
