package io.github.matrixcors.hamcrest;

import java.util.List;
import org.hamcrest.Description;
import org.hamcrest.TypeSafeDiagnosingMatcher;

/**
 * The base of the CORS matchers: adapts the item to a {@link CorsSubject}, collects every violation, and writes them
 * all in one mismatch with a count, followed by the request sent, the status and every response header line.
 */
abstract class CorsMatcher extends TypeSafeDiagnosingMatcher<Object> {

    private final String description;

    CorsMatcher(String description) {
        super(Object.class);
        this.description = description;
    }

    /** Returns one clause per violation; empty when the subject matches. */
    abstract List<String> violations(CorsSubject subject);

    /** Returns why this matcher cannot judge {@code subject}, or {@code null} when it can. */
    String unsupported(CorsSubject subject) {
        return subject.hops().isEmpty() ? "was a check result without any response (the request failed)" : null;
    }

    @Override
    protected final boolean matchesSafely(Object item, Description mismatch) {
        CorsSubject subject = CorsSubject.of(item);
        if (subject == null) {
            mismatch.appendText("was a " + item.getClass().getName() + ", not " + CorsSubject.ACCEPTED_TYPES);
            return false;
        }
        String unsupported = unsupported(subject);
        if (unsupported != null) {
            mismatch.appendText(unsupported);
            return false;
        }
        List<String> violations = violations(subject);
        if (violations.isEmpty()) {
            return true;
        }
        mismatch.appendText(violations.size() == 1 ? "1 violation:" : violations.size() + " violations:");
        for (int i = 0; i < violations.size(); i++) {
            mismatch.appendText("\n  " + (i + 1) + ". " + violations.get(i));
        }
        mismatch.appendText(subject.evidence());
        return false;
    }

    @Override
    public final void describeTo(Description target) {
        target.appendText(description);
    }
}
