package io.github.matrixcors.junit;

import io.github.matrixcors.http.Probe;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * The probe timeouts of the extension, from the configuration parameters {@value MatrixCorsCompliant#CONNECT_TIMEOUT_PROPERTY}
 * and {@value MatrixCorsCompliant#RESPONSE_TIMEOUT_PROPERTY}. Each value is a number of seconds ({@code 30},
 * {@code 2.5}) or an ISO-8601 duration ({@code PT1M30S}). Unset values keep {@link Probe.Builder}'s defaults.
 */
final class ProbeTimeouts {

    private ProbeTimeouts() {}

    /**
     * Builds the probe with the configured timeouts.
     *
     * @throws ExtensionConfigurationException naming the property and the value when a value is invalid
     */
    static Probe newProbe(Function<String, Optional<String>> configurationParameter) {
        Probe.Builder builder = Probe.builder();
        Optional<Duration> connect = parse(configurationParameter, MatrixCorsCompliant.CONNECT_TIMEOUT_PROPERTY);
        Optional<Duration> response = parse(configurationParameter, MatrixCorsCompliant.RESPONSE_TIMEOUT_PROPERTY);
        connect.ifPresent(builder::connectTimeout);
        response.ifPresent(builder::responseTimeout);
        return builder.build();
    }

    /** Returns the duration a property sets, or empty when it is unset or blank. */
    static Optional<Duration> parse(Function<String, Optional<String>> configurationParameter, String property) {
        Optional<String> value =
                configurationParameter.apply(property).map(String::trim).filter(text -> !text.isEmpty());
        if (value.isEmpty()) {
            return Optional.empty();
        }
        String text = value.get();
        Duration duration;
        try {
            duration = text.matches("[0-9]+(\\.[0-9]+)?")
                    ? Duration.ofNanos(new BigDecimal(text).movePointRight(9).longValueExact())
                    : Duration.parse(text.toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException | ArithmeticException invalid) {
            throw invalid(property, text);
        }
        if (duration.isZero() || duration.isNegative()) {
            throw invalid(property, text);
        }
        return Optional.of(duration);
    }

    private static ExtensionConfigurationException invalid(String property, String text) {
        return new ExtensionConfigurationException(String.format(
                "Invalid value \"%s\" for property %s: write a positive number of seconds such as 30, or an ISO-8601"
                        + " duration such as PT1M30S.",
                text, property));
    }
}
