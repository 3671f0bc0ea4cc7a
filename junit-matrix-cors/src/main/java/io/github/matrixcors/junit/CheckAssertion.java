package io.github.matrixcors.junit;

import io.github.matrixcors.cors.ProxyKind;
import io.github.matrixcors.cors.Severity;
import io.github.matrixcors.matrix.CheckResult;
import java.util.Optional;
import org.junit.jupiter.api.function.Executable;
import org.opentest4j.AssertionFailedError;

/**
 * The body of the dynamic test of one check. The extension recognises it when it intercepts a dynamic test, to publish
 * the check's findings as report entries of that test.
 *
 * @param proxy the proxy in front of the homeserver, whose fix hints alone the message shows; empty for all of them
 */
record CheckAssertion(CheckResult result, Severity failOn, Optional<ProxyKind> proxy) implements Executable {

    @Override
    public void execute() {
        if (!result.passes(failOn)) {
            throw new AssertionFailedError(FailureMessage.format(result.name(), result.findings(), failOn, proxy));
        }
    }
}
