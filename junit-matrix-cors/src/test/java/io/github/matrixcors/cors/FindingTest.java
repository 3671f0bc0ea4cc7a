package io.github.matrixcors.cors;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class FindingTest {

    @Test
    void messageGetsFinalPeriod() {
        Finding finding = new Finding("cors.test", Severity.ERROR, "The header is missing", null, List.of());

        assertEquals("The header is missing.", finding.message());
    }

    @Test
    void messageWithFinalPeriodKept() {
        Finding finding = new Finding("cors.test", Severity.ERROR, "The header is missing. ", null, List.of());

        assertEquals("The header is missing.", finding.message());
    }
}
