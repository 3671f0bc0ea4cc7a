package io.github.matrixcors.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.github.matrixcors.MatrixHomeserver;
import io.github.matrixcors.junit.HomeserverSource.HomeserverField;
import io.github.matrixcors.junit.HomeserverSource.LiveServer;
import io.github.matrixcors.junit.HomeserverSource.UrlMember;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HomeserverSourceTest {

    private static final class Empty {}

    @SuppressWarnings("unused")
    private static class WithField {
        static MatrixHomeserver homeserver;
    }

    private static final class SubclassOfWithField extends WithField {}

    @SuppressWarnings("unused")
    private static final class WithUrlMethod {
        @HomeserverUrl
        URI url() {
            return URI.create("http://localhost:8008");
        }
    }

    @SuppressWarnings("unused")
    private static final class TwoUrls {
        @HomeserverUrl
        static String first = "http://localhost:8008";

        @HomeserverUrl
        static String second = "http://localhost:8009";
    }

    @SuppressWarnings("unused")
    private static final class TwoFields {
        static MatrixHomeserver first;
        static MatrixHomeserver second;
    }

    @Test
    void twoUrlMembersFixNamesAnnotation() {
        ExtensionConfigurationException error = assertThrows(
                ExtensionConfigurationException.class, () -> find(TwoUrls.class, List.of(), Map.of(), Map.of()));

        assertEquals(
                "Found 2 homeservers in TwoUrls: field TwoUrls.first, field TwoUrls.second. The extension checks one"
                        + " homeserver per class: keep one, remove @HomeserverUrl from the URL members you do not want"
                        + " checked.",
                error.getMessage());
    }

    @Test
    void twoFieldsFixNamesFieldType() {
        ExtensionConfigurationException error = assertThrows(
                ExtensionConfigurationException.class, () -> find(TwoFields.class, List.of(), Map.of(), Map.of()));

        assertEquals(
                "Found 2 homeservers in TwoFields: field TwoFields.first, field TwoFields.second. The extension"
                        + " checks one homeserver per class: keep one, declare the homeserver fields you do not want"
                        + " checked with a type that does not implement MatrixHomeserver.",
                error.getMessage());
    }

    private static HomeserverSource find(
            Class<?> testClass, List<Class<?>> enclosing, Map<String, String> parameters, Map<String, String> env) {
        return HomeserverSource.find(testClass, enclosing, name -> Optional.ofNullable(parameters.get(name)), env::get);
    }

    @Test
    void superclassFieldIsFound() {
        HomeserverSource source = find(SubclassOfWithField.class, List.of(), Map.of(), Map.of());

        assertEquals(
                "field WithField.homeserver",
                assertInstanceOf(HomeserverField.class, source).description());
    }

    @Test
    void enclosingClassIsSearchedAfterTestClass() {
        HomeserverSource source = find(Empty.class, List.of(WithField.class, WithUrlMethod.class), Map.of(), Map.of());

        assertEquals(
                "method WithUrlMethod.url()",
                assertInstanceOf(UrlMember.class, source).description());
    }

    @Test
    void declaredHomeserverWinsOverProperty() {
        HomeserverSource source = find(
                WithField.class, List.of(), Map.of("matrixcors.homeserver", "https://staging.example.org"), Map.of());

        assertInstanceOf(HomeserverField.class, source);
    }

    @Test
    void propertyWinsOverEnvironment() {
        HomeserverSource source = find(
                Empty.class,
                List.of(),
                Map.of("matrixcors.homeserver", "https://staging.example.org"),
                Map.of("MATRIXCORS_HOMESERVER", "https://production.example.org"));

        LiveServer live = assertInstanceOf(LiveServer.class, source);
        assertEquals(URI.create("https://staging.example.org"), live.baseUri());
        assertEquals("property matrixcors.homeserver", live.description());
    }

    @Test
    void environmentVariableIsRead() {
        HomeserverSource source = find(
                Empty.class, List.of(), Map.of(), Map.of("MATRIXCORS_HOMESERVER", " https://matrix.example.org/ "));

        LiveServer live = assertInstanceOf(LiveServer.class, source);
        assertEquals(URI.create("https://matrix.example.org/"), live.baseUri());
        assertEquals("environment variable MATRIXCORS_HOMESERVER", live.description());
    }

    @Test
    void invalidEnvironmentVariableIsNamed() {
        ExtensionConfigurationException error = assertThrows(
                ExtensionConfigurationException.class,
                () -> find(Empty.class, List.of(), Map.of(), Map.of("MATRIXCORS_HOMESERVER", "matrix.example.org")));

        assertEquals(
                "The homeserver base URL \"matrix.example.org\" from environment variable MATRIXCORS_HOMESERVER is"
                        + " invalid because it is not an absolute http or https URL: give the URL a web client is"
                        + " configured with, such as http://localhost:8008 or https://matrix.example.org.",
                error.getMessage());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "ftp://matrix.example.org|it is not an absolute http or https URL",
                "http:///_matrix|it has no host",
                "https://matrix.example.org/?x=1|it has a query or fragment",
                "https://matrix example.org|it is malformed (Illegal character in authority at index 8)"
            })
    void invalidBaseUrlsNameTheProblem(String url, String problem) {
        ExtensionConfigurationException error = assertThrows(
                ExtensionConfigurationException.class, () -> HomeserverSource.parseBaseUrl(url, "the test"));

        assertEquals(
                "The homeserver base URL \"" + url + "\" from the test is invalid because " + problem + ": give the URL"
                        + " a web client is configured with, such as http://localhost:8008 or"
                        + " https://matrix.example.org.",
                error.getMessage());
    }
}
