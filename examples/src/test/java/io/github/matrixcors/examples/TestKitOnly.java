package io.github.matrixcors.examples;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Disables a fixture class unless the configuration parameter {@value #PARAMETER} is {@code true}, as the JUnit test kit
 * sets it in the tests that run fixtures. A build whose test filter happens to match a fixture so skips it instead of
 * reporting its deliberate failures.
 */
final class TestKitOnly implements ExecutionCondition {

    static final String PARAMETER = "matrixcors.examples.runFixtures";

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        boolean requested = context.getConfigurationParameter(PARAMETER, Boolean::parseBoolean)
                .orElse(false);
        return requested
                ? ConditionEvaluationResult.enabled(PARAMETER + " is true")
                : ConditionEvaluationResult.disabled("a fixture, run only through the JUnit test kit");
    }
}
