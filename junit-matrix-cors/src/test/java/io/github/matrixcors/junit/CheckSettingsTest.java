package io.github.matrixcors.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.matrixcors.cors.BrowserProfile;
import io.github.matrixcors.cors.Severity;
import io.github.matrixcors.matrix.Endpoint;
import io.github.matrixcors.matrix.EndpointCatalogue;
import io.github.matrixcors.matrix.EndpointGroup;
import io.github.matrixcors.matrix.ErrorEndpoints;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class CheckSettingsTest {

    private static final EndpointCatalogue CATALOGUE = EndpointCatalogue.standard();

    @MatrixCorsCompliant
    private static final class Defaults {}

    @MatrixCorsCompliant(
            origins = {"https://chat.example.org", "http://localhost:8080"},
            groups = EndpointGroup.WELL_KNOWN,
            paths = "GET /_matrix/client/v3/sync",
            registerUser = true,
            profile = BrowserProfile.FIREFOX,
            failOn = Severity.WARNING,
            disabledWithoutDocker = true)
    private static final class Custom {}

    private static CheckSettings resolve(Class<?> annotated, Map<String, String> parameters) {
        return resolve(annotated, parameters, Map.of());
    }

    private static CheckSettings resolve(
            Class<?> annotated, Map<String, String> parameters, Map<String, String> environment) {
        return CheckSettings.resolve(
                annotated.getAnnotation(MatrixCorsCompliant.class),
                annotated.getSimpleName(),
                CATALOGUE,
                name -> Optional.ofNullable(parameters.get(name)),
                environment::get);
    }

    @Test
    void defaultsCheckWholeCatalogue() {
        CheckSettings settings = resolve(Defaults.class, Map.of());

        assertEquals(List.of("https://app.element.io"), settings.origins());
        List<Endpoint> expected = new ArrayList<>(CATALOGUE.endpoints());
        expected.addAll(ErrorEndpoints.all());
        assertEquals(expected, settings.endpoints());
        assertFalse(settings.registerUser());
        assertEquals(BrowserProfile.CHROMIUM, settings.profile());
        assertEquals(Severity.ERROR, settings.failOn());
        assertFalse(settings.disabledWithoutDocker());
        assertNull(settings.accessToken());
    }

    @Test
    void attributesAreRead() {
        CheckSettings settings = resolve(Custom.class, Map.of());

        assertEquals(List.of("https://chat.example.org", "http://localhost:8080"), settings.origins());
        assertTrue(settings.registerUser());
        assertEquals(BrowserProfile.FIREFOX, settings.profile());
        assertEquals(Severity.WARNING, settings.failOn());
        assertTrue(settings.disabledWithoutDocker());
        List<Endpoint> expected = CATALOGUE.filter(endpoint -> endpoint.group() == EndpointGroup.WELL_KNOWN
                || (endpoint.method().equals("GET") && endpoint.pathTemplate().equals("/_matrix/client/v3/sync")));
        assertEquals(expected, settings.endpoints());
    }

    @Test
    void propertiesOverrideAttributes() {
        CheckSettings settings = resolve(
                Custom.class,
                Map.of(
                        "matrixcors.origins", " https://a.example.org , https://b.example.org ",
                        "matrixcors.groups", "media",
                        "matrixcors.paths", "",
                        "matrixcors.registerUser", "FALSE",
                        "matrixcors.profile", "webkit",
                        "matrixcors.failOn", "Info",
                        "matrixcors.disabledWithoutDocker", "false"));

        assertEquals(List.of("https://a.example.org", "https://b.example.org"), settings.origins());
        List<Endpoint> expected = new ArrayList<>(CATALOGUE.group(EndpointGroup.MEDIA));
        expected.add(ErrorEndpoints.UNKNOWN_MEDIA_PATH);
        assertEquals(expected, settings.endpoints());
        assertFalse(settings.registerUser());
        assertEquals(BrowserProfile.WEBKIT, settings.profile());
        assertEquals(Severity.INFO, settings.failOn());
        assertFalse(settings.disabledWithoutDocker());
    }

    @Test
    void pathWithoutMethodSelectsEveryMethod() {
        CheckSettings settings = resolve(
                Defaults.class, Map.of("matrixcors.paths", "/_matrix/client/v3/rooms/!a:b/state/m.room.name/topic"));

        List<String> methods =
                settings.endpoints().stream().map(Endpoint::method).toList();
        assertEquals(List.of("GET", "PUT"), methods.stream().sorted().toList());
    }

    @Test
    void accessTokenFromPropertyThenEnvironment() {
        assertEquals(
                "secret-property",
                resolve(
                                Defaults.class,
                                Map.of("matrixcors.accessToken", "secret-property"),
                                Map.of("MATRIXCORS_ACCESS_TOKEN", "secret-environment"))
                        .accessToken());
        assertEquals(
                "secret-environment",
                resolve(Defaults.class, Map.of(), Map.of("MATRIXCORS_ACCESS_TOKEN", "secret-environment"))
                        .accessToken());
    }

    @Test
    void toStringHidesAccessToken() {
        CheckSettings settings = resolve(Defaults.class, Map.of("matrixcors.accessToken", "syt_secret"));

        assertFalse(settings.toString().contains("syt_secret"), settings.toString());
        assertTrue(settings.toString().contains("accessToken=<hidden>"), settings.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://app.element.io", "http://localhost:8080", "vector://vector", "null"})
    void validOriginsPass(String origin) {
        CheckSettings.validateOrigin(origin, "test");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "https://app.element.io/|browsers send no path or trailing slash in an origin: write https://app.element.io",
                "https://app.element.io:443|browsers omit the default port: write https://app.element.io",
                "http://localhost:80|browsers omit the default port: write http://localhost",
                "HTTPS://App.Element.io|browsers send the scheme and host in lowercase: write https://app.element.io",
                "https://app.element.io?x=1|browsers send no query or fragment in an origin: write https://app.element.io",
                "https://user@app.element.io|it contains user information: write https://app.element.io",
                "app.element.io|it is not of the form scheme://host[:port]: write it as browsers send it in the Origin"
                        + " header, such as https://app.element.io",
                "https://app element.io|it is malformed (Illegal character in authority): write it as browsers send it"
                        + " in the Origin header, such as https://app.element.io"
            })
    void invalidOriginsNameTheFix(String origin, String expectedReason) {
        ExtensionConfigurationException error = assertThrows(
                ExtensionConfigurationException.class, () -> CheckSettings.validateOrigin(origin, "the test"));

        assertEquals(
                "Invalid origin \"" + origin + "\" in the test because " + expectedReason + ".", error.getMessage());
    }

    @Test
    void originFromAttributeIsNamed() {
        @MatrixCorsCompliant(origins = "https://app.element.io/")
        final class TrailingSlash {}

        ExtensionConfigurationException error =
                assertThrows(ExtensionConfigurationException.class, () -> resolve(TrailingSlash.class, Map.of()));

        assertEquals(
                "Invalid origin \"https://app.element.io/\" in @MatrixCorsCompliant(origins) of TrailingSlash because"
                        + " browsers send no path or trailing slash in an origin: write https://app.element.io.",
                error.getMessage());
    }

    @Test
    void originFromPropertyIsNamed() {
        ExtensionConfigurationException error = assertThrows(
                ExtensionConfigurationException.class,
                () -> resolve(Defaults.class, Map.of("matrixcors.origins", "https://app.element.io:443")));

        assertEquals(
                "Invalid origin \"https://app.element.io:443\" in property matrixcors.origins because browsers omit"
                        + " the default port: write https://app.element.io.",
                error.getMessage());
    }

    @Test
    void emptyOriginListIsRejected() {
        ExtensionConfigurationException error = assertThrows(
                ExtensionConfigurationException.class,
                () -> resolve(Defaults.class, Map.of("matrixcors.origins", " ,")));

        assertEquals(
                "property matrixcors.origins lists no origin: give at least one, such as https://app.element.io.",
                error.getMessage());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "_matrix/client/v3/sync|the path does not start with /",
                "get /_matrix/client/v3/sync|\"get\" is not an HTTP method in uppercase such as GET or PUT",
                "GET /_matrix/client/v3/sync extra|it has more than a method and a path",
                "/_matrix/client/v3/sync?since=1|the path contains a query or fragment",
                "/_matrix/client/v3/sync\\x|the path contains characters that are not allowed in a URL path"
            })
    void invalidPathsNameTheFix(String path, String expectedReason) {
        ExtensionConfigurationException error =
                assertThrows(ExtensionConfigurationException.class, () -> CheckSettings.parsePath(path, "the test"));

        assertEquals(
                "Invalid path \"" + path + "\" in the test because " + expectedReason + ": write a path such as"
                        + " /_matrix/client/v3/sync, optionally preceded by a method, as in GET /_matrix/client/v3/sync.",
                error.getMessage());
    }

    @Test
    void pathOutsideCatalogueIsRejected() {
        @MatrixCorsCompliant(paths = "/_matrix/client/v3/no-such-endpoint")
        final class UnknownPath {}

        ExtensionConfigurationException error =
                assertThrows(ExtensionConfigurationException.class, () -> resolve(UnknownPath.class, Map.of()));

        assertEquals(
                "Invalid path \"/_matrix/client/v3/no-such-endpoint\" in @MatrixCorsCompliant(paths) of UnknownPath"
                        + " because no endpoint of the catalogue (Matrix specification " + CATALOGUE.specVersion()
                        + ") matches it: check its spelling and version prefix, such as /_matrix/client/v3/sync.",
                error.getMessage());
    }

    @Test
    void unknownGroupPropertyListsGroups() {
        ExtensionConfigurationException error = assertThrows(
                ExtensionConfigurationException.class,
                () -> resolve(Defaults.class, Map.of("matrixcors.groups", "chat")));

        assertEquals(
                "Invalid group \"chat\" in property matrixcors.groups: write one of well-known, auth, sync, rooms,"
                        + " media, account, keys, other.",
                error.getMessage());
    }

    @Test
    void invalidEnumPropertyListsValues() {
        ExtensionConfigurationException error = assertThrows(
                ExtensionConfigurationException.class,
                () -> resolve(Defaults.class, Map.of("matrixcors.failOn", "fatal")));

        assertEquals(
                "Invalid value \"fatal\" of property matrixcors.failOn: write one of error, warning, info.",
                error.getMessage());
    }

    @Test
    void invalidBooleanPropertyNamesAttribute() {
        ExtensionConfigurationException error = assertThrows(
                ExtensionConfigurationException.class,
                () -> resolve(Defaults.class, Map.of("matrixcors.registerUser", "yes")));

        assertEquals(
                "Invalid value \"yes\" of property matrixcors.registerUser, which overrides"
                        + " @MatrixCorsCompliant(registerUser): write true or false.",
                error.getMessage());
    }
}
