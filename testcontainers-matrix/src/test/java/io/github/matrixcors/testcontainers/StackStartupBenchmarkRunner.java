package io.github.matrixcors.testcontainers;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Runs {@link StackStartupBenchmark} through Surefire, which puts the reactor's classes on the classpath. It runs only
 * when the system property {@code matrixcors.benchmark.rounds} is set, and it asserts nothing about the times.
 */
class StackStartupBenchmarkRunner {

    @Test
    @EnabledIfSystemProperty(named = "matrixcors.benchmark.rounds", matches = "[1-9][0-9]*")
    void runBenchmark() throws Exception {
        StackStartupBenchmark.main(new String[] {System.getProperty("matrixcors.benchmark.rounds")});
    }
}
