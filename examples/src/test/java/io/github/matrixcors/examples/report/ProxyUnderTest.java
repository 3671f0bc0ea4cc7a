package io.github.matrixcors.examples.report;

import io.github.matrixcors.cors.ProxyKind;
import io.github.matrixcors.testcontainers.ProxyContainer;
import io.github.matrixcors.testcontainers.ProxyPreset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Where one proxy's configuration for the report comes from: the operator's file named by the system property
 * {@code matrixcors.report.<proxy>} ({@code nginx}, {@code caddy} or {@code apache}), else the preset named by
 * {@code matrixcors.report.preset}, else this module's sample configuration. When a file is given for any proxy, only
 * the proxies with a file are checked, unless {@code matrixcors.report.all} is {@code true}.
 *
 * @param proxy the proxy
 * @param file the operator's file, or {@code null}
 * @param preset the preset, or {@code null}
 * @param sampleResource the classpath resource used when neither is given
 */
record ProxyUnderTest(ProxyKind proxy, Path file, ProxyPreset preset, String sampleResource) {

    /** System property that checks every proxy even when files are given for some of them. */
    static final String ALL_PROPERTY = "matrixcors.report.all";

    /** Returns the proxies to check, in {@link ProxyKind} order, read from the system properties. */
    static List<ProxyUnderTest> selectFromSystemProperties() {
        return select(System::getProperty);
    }

    /**
     * Returns the proxies to check, reading the settings with {@code properties}, which returns {@code null} for a
     * property that is not set.
     */
    static List<ProxyUnderTest> select(UnaryOperator<String> properties) {
        List<ProxyUnderTest> all = Stream.of(ProxyKind.values())
                .map(proxy -> from(proxy, properties))
                .toList();
        String allValue = Objects.requireNonNullElse(properties.apply(ALL_PROPERTY), "false")
                .trim();
        if (!allValue.equals("true") && !allValue.equals("false")) {
            throw new IllegalArgumentException(
                    "Invalid value '" + allValue + "' of " + ALL_PROPERTY + "; use true or false");
        }
        boolean anyFile = all.stream().anyMatch(config -> config.file() != null);
        if (!anyFile || allValue.equals("true")) {
            return all;
        }
        return all.stream().filter(config -> config.file() != null).toList();
    }

    static ProxyUnderTest from(ProxyKind proxy, UnaryOperator<String> properties) {
        String key = "matrixcors.report." + proxy.name().toLowerCase(Locale.ROOT);
        String file = Objects.requireNonNullElse(properties.apply(key), "").trim();
        String preset = Objects.requireNonNullElse(properties.apply("matrixcors.report.preset"), "")
                .trim();
        if (!file.isEmpty()) {
            Path path = Path.of(file);
            if (!Files.isRegularFile(path)) {
                throw new IllegalArgumentException("Proxy configuration file not found: " + path.toAbsolutePath()
                        + " (system property " + key + ")");
            }
            return new ProxyUnderTest(proxy, path, null, null);
        }
        if (!preset.isEmpty()) {
            return new ProxyUnderTest(proxy, null, parsePreset(preset), null);
        }
        return new ProxyUnderTest(proxy, null, null, sampleResource(proxy));
    }

    /** Returns whether the proxy has this configuration: every file does, a preset may exist for other proxies only. */
    boolean exists() {
        return preset == null || preset.supports(proxy);
    }

    /** Returns where the configuration comes from, for the report. */
    String describe() {
        if (file != null) {
            return "file " + file.toAbsolutePath();
        }
        return preset != null ? "preset " + preset : "classpath:" + sampleResource;
    }

    /** Applies this configuration to {@code container}, which must run the same proxy. */
    void configure(ProxyContainer<?> container) {
        if (file != null) {
            container.withConfigFile(file);
        } else if (preset != null) {
            container.withPreset(preset);
        } else {
            container.withConfigResource(sampleResource);
        }
    }

    private static String sampleResource(ProxyKind proxy) {
        return switch (proxy) {
            case NGINX -> "proxy/nginx-site.conf";
            case CADDY -> "proxy/Caddyfile";
            case APACHE -> "proxy/apache-site.conf";
        };
    }

    private static ProxyPreset parsePreset(String name) {
        try {
            return ProxyPreset.valueOf(name.toUpperCase(Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Unknown preset '" + name + "' in matrixcors.report.preset; use one of "
                    + Arrays.toString(ProxyPreset.values()));
        }
    }
}
