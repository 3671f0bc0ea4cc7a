package io.github.matrixcors.junit;

import io.github.matrixcors.cors.BrowserProfile;
import io.github.matrixcors.cors.Severity;
import io.github.matrixcors.matrix.Endpoint;
import io.github.matrixcors.matrix.EndpointCatalogue;
import io.github.matrixcors.matrix.EndpointGroup;
import io.github.matrixcors.matrix.ErrorEndpoints;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;

/**
 * The settings of one test class: the attributes of {@link MatrixCorsCompliant}, each overridden by its configuration
 * parameter when that is set, validated.
 *
 * @param endpoints the endpoints selected by groups and paths, in catalogue order
 * @param accessToken an existing account's access token from the environment, or {@code null}; never shown by
 *     {@link #toString()}
 */
record CheckSettings(
        List<String> origins,
        List<Endpoint> endpoints,
        boolean registerUser,
        BrowserProfile profile,
        Severity failOn,
        boolean disabledWithoutDocker,
        String accessToken) {

    /** One entry of {@link MatrixCorsCompliant#paths()}: a path and, optionally, the only method to check on it. */
    record PathSelection(String method, String path) {

        /** Returns whether this selection names a method; without one, every catalogued method of the path is checked. */
        boolean hasMethod() {
            return method != null;
        }

        @Override
        public String toString() {
            return hasMethod() ? method + " " + path : path;
        }
    }

    private static final Set<String> METHODS = Set.of("GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "OPTIONS");
    private static final Pattern PATH = Pattern.compile("/[A-Za-z0-9\\-._~!$&'()*+,;=:@%/{}]*");

    /**
     * Resolves the settings of a class from its annotation and the configuration parameters.
     *
     * @param catalogue the endpoints that groups and paths select from
     * @param annotationOwner names the annotated class in messages
     * @param configurationParameter looks up JUnit configuration parameters, which include system properties
     * @param environment looks up environment variables
     * @throws ExtensionConfigurationException naming the attribute or property, the invalid value and the fix
     */
    static CheckSettings resolve(
            MatrixCorsCompliant annotation,
            String annotationOwner,
            EndpointCatalogue catalogue,
            Function<String, Optional<String>> configurationParameter,
            Function<String, String> environment) {
        Lookup lookup = new Lookup(annotationOwner, configurationParameter);

        List<String> origins = lookup.list(MatrixCorsCompliant.ORIGINS_PROPERTY, "origins", annotation.origins());
        if (origins.isEmpty()) {
            throw new ExtensionConfigurationException(lookup.source(MatrixCorsCompliant.ORIGINS_PROPERTY, "origins")
                    + " lists no origin: give at least one, such as https://app.element.io.");
        }
        for (String origin : origins) {
            validateOrigin(origin, lookup.source(MatrixCorsCompliant.ORIGINS_PROPERTY, "origins"));
        }

        List<EndpointGroup> groups = new ArrayList<>();
        Optional<String> groupsProperty = configurationParameter.apply(MatrixCorsCompliant.GROUPS_PROPERTY);
        if (groupsProperty.isEmpty()) {
            groups.addAll(Arrays.asList(annotation.groups()));
        } else {
            for (String id : lookup.list(MatrixCorsCompliant.GROUPS_PROPERTY, "groups", new String[0])) {
                try {
                    groups.add(EndpointGroup.parse(id));
                } catch (IllegalArgumentException unknown) {
                    throw new ExtensionConfigurationException(String.format(
                            "Invalid group \"%s\" in property %s: write one of %s.",
                            id,
                            MatrixCorsCompliant.GROUPS_PROPERTY,
                            String.join(
                                    ", ",
                                    Arrays.stream(EndpointGroup.values())
                                            .map(EndpointGroup::id)
                                            .toList())));
                }
            }
        }

        List<PathSelection> paths = new ArrayList<>();
        String pathsSource = lookup.source(MatrixCorsCompliant.PATHS_PROPERTY, "paths");
        for (String path : lookup.list(MatrixCorsCompliant.PATHS_PROPERTY, "paths", annotation.paths())) {
            paths.add(parsePath(path, pathsSource));
        }
        List<Endpoint> endpoints = selectEndpoints(catalogue, groups, paths, pathsSource);

        boolean registerUser =
                lookup.bool(MatrixCorsCompliant.REGISTER_USER_PROPERTY, "registerUser", annotation.registerUser());
        BrowserProfile profile =
                lookup.constant(MatrixCorsCompliant.PROFILE_PROPERTY, BrowserProfile.class, annotation.profile());
        Severity failOn = lookup.constant(MatrixCorsCompliant.FAIL_ON_PROPERTY, Severity.class, annotation.failOn());
        boolean disabledWithoutDocker = lookup.bool(
                MatrixCorsCompliant.DISABLED_WITHOUT_DOCKER_PROPERTY,
                "disabledWithoutDocker",
                annotation.disabledWithoutDocker());

        String accessToken = configurationParameter
                .apply(MatrixCorsCompliant.ACCESS_TOKEN_PROPERTY)
                .filter(token -> !token.isBlank())
                .orElseGet(() -> environment.apply(MatrixCorsCompliant.ACCESS_TOKEN_ENVIRONMENT_VARIABLE));
        if (accessToken != null && accessToken.isBlank()) {
            accessToken = null;
        }

        return new CheckSettings(
                List.copyOf(origins),
                endpoints,
                registerUser,
                profile,
                failOn,
                disabledWithoutDocker,
                accessToken == null ? null : accessToken.trim());
    }

    /**
     * Checks that {@code origin} is serialized as a browser sends it in the {@code Origin} header, because the CORS
     * check compares {@code Access-Control-Allow-Origin} with that exact string.
     */
    static void validateOrigin(String origin, String source) {
        if (origin.equals("null")) {
            return;
        }
        String problem = null;
        String suggestion = null;
        try {
            URI uri = new URI(origin);
            if (uri.getScheme() == null || uri.getHost() == null || uri.isOpaque()) {
                problem = "it is not of the form scheme://host[:port]";
            } else {
                String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
                String host = uri.getHost().toLowerCase(Locale.ROOT);
                boolean defaultPort = (scheme.equals("https") && uri.getPort() == 443)
                        || (scheme.equals("http") && uri.getPort() == 80);
                String port = uri.getPort() < 0 || defaultPort ? "" : ":" + uri.getPort();
                suggestion = scheme + "://" + host + port;
                if (uri.getRawUserInfo() != null) {
                    problem = "it contains user information";
                } else if (!uri.getRawPath().isEmpty()) {
                    problem = "browsers send no path or trailing slash in an origin";
                } else if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                    problem = "browsers send no query or fragment in an origin";
                } else if (defaultPort) {
                    problem = "browsers omit the default port";
                } else if (!origin.equals(suggestion)) {
                    problem = "browsers send the scheme and host in lowercase";
                }
            }
        } catch (URISyntaxException malformed) {
            problem = "it is malformed (" + malformed.getReason() + ")";
        }
        if (problem == null) {
            return;
        }
        String fix = suggestion == null
                ? "write it as browsers send it in the Origin header, such as https://app.element.io"
                : "write " + suggestion;
        throw new ExtensionConfigurationException(
                String.format("Invalid origin \"%s\" in %s because %s: %s.", origin, source, problem, fix));
    }

    /**
     * Selects the endpoints of {@code groups} and {@code paths}, or the whole catalogue when both are empty. The
     * {@link ErrorEndpoints}, which make the server respond with an error, come along with the whole catalogue and with
     * their groups.
     *
     * @throws ExtensionConfigurationException when a path matches no catalogue endpoint
     */
    static List<Endpoint> selectEndpoints(
            EndpointCatalogue catalogue, List<EndpointGroup> groups, List<PathSelection> paths, String pathsSource) {
        if (groups.isEmpty() && paths.isEmpty()) {
            List<Endpoint> all = new ArrayList<>(catalogue.endpoints());
            all.addAll(ErrorEndpoints.all());
            return List.copyOf(all);
        }
        Set<Endpoint> selected = new HashSet<>();
        for (EndpointGroup group : groups) {
            selected.addAll(catalogue.group(group));
        }
        for (PathSelection path : paths) {
            List<Endpoint> matches = path.hasMethod()
                    ? catalogue.find(path.method(), path.path()).stream().toList()
                    : catalogue.endpoints().stream()
                            .map(Endpoint::method)
                            .distinct()
                            .flatMap(method -> catalogue.find(method, path.path()).stream())
                            .toList();
            if (matches.isEmpty()) {
                throw new ExtensionConfigurationException(String.format(
                        "Invalid path \"%s\" in %s because no endpoint of the catalogue (Matrix specification %s)"
                                + " matches it: check its spelling and version prefix, such as"
                                + " /_matrix/client/v3/sync.",
                        path, pathsSource, catalogue.specVersion()));
            }
            selected.addAll(matches);
        }
        List<Endpoint> endpoints = new ArrayList<>(catalogue.filter(selected::contains));
        for (Endpoint errorEndpoint : ErrorEndpoints.all()) {
            if (groups.contains(errorEndpoint.group())) {
                endpoints.add(errorEndpoint);
            }
        }
        return List.copyOf(endpoints);
    }

    /** Parses {@code /path} or {@code METHOD /path}. */
    static PathSelection parsePath(String entry, String source) {
        String[] parts = entry.trim().split("\\s+");
        String method = null;
        String path;
        if (parts.length == 1) {
            path = parts[0];
        } else if (parts.length == 2) {
            method = parts[0];
            path = parts[1];
        } else {
            throw invalidPath(entry, source, "it has more than a method and a path");
        }
        if (method != null && !METHODS.contains(method)) {
            throw invalidPath(
                    entry, source, "\"" + method + "\" is not an HTTP method in uppercase such as GET or PUT");
        }
        if (!path.startsWith("/")) {
            throw invalidPath(entry, source, "the path does not start with /");
        }
        if (path.contains("?") || path.contains("#")) {
            throw invalidPath(entry, source, "the path contains a query or fragment");
        }
        if (!PATH.matcher(path).matches()) {
            throw invalidPath(entry, source, "the path contains characters that are not allowed in a URL path");
        }
        return new PathSelection(method, path);
    }

    private static ExtensionConfigurationException invalidPath(String entry, String source, String problem) {
        return new ExtensionConfigurationException(String.format(
                "Invalid path \"%s\" in %s because %s: write a path such as /_matrix/client/v3/sync, optionally"
                        + " preceded by a method, as in GET /_matrix/client/v3/sync.",
                entry, source, problem));
    }

    @Override
    public String toString() {
        return "CheckSettings[origins=" + origins + ", endpoints=" + endpoints.size() + ", registerUser=" + registerUser
                + ", profile=" + profile + ", failOn=" + failOn + ", disabledWithoutDocker=" + disabledWithoutDocker
                + ", accessToken=" + (accessToken == null ? "none" : "<hidden>") + "]";
    }

    /** Reads one setting from its configuration parameter, else from the annotation attribute. */
    private record Lookup(String annotationOwner, Function<String, Optional<String>> configurationParameter) {

        String source(String property, String attribute) {
            return configurationParameter.apply(property).isPresent()
                    ? "property " + property
                    : "@MatrixCorsCompliant(" + attribute + ") of " + annotationOwner;
        }

        List<String> list(String property, String attribute, String[] annotationValue) {
            Optional<String> value = configurationParameter.apply(property);
            if (value.isEmpty()) {
                return Arrays.stream(annotationValue).map(String::trim).toList();
            }
            return Arrays.stream(value.get().split(","))
                    .map(String::trim)
                    .filter(item -> !item.isEmpty())
                    .toList();
        }

        boolean bool(String property, String attribute, boolean annotationValue) {
            Optional<String> value = configurationParameter.apply(property).map(String::trim);
            if (value.isEmpty()) {
                return annotationValue;
            }
            if (value.get().equalsIgnoreCase("true")) {
                return true;
            }
            if (value.get().equalsIgnoreCase("false")) {
                return false;
            }
            throw new ExtensionConfigurationException(String.format(
                    "Invalid value \"%s\" of property %s, which overrides @MatrixCorsCompliant(%s): write true or"
                            + " false.",
                    value.get(), property, attribute));
        }

        <E extends Enum<E>> E constant(String property, Class<E> type, E annotationValue) {
            Optional<String> value = configurationParameter.apply(property).map(String::trim);
            if (value.isEmpty()) {
                return annotationValue;
            }
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(value.get())) {
                    return constant;
                }
            }
            List<String> names = Arrays.stream(type.getEnumConstants())
                    .map(constant -> constant.name().toLowerCase(Locale.ROOT))
                    .toList();
            throw new ExtensionConfigurationException(String.format(
                    "Invalid value \"%s\" of property %s: write one of %s.",
                    value.get(), property, String.join(", ", names)));
        }
    }
}
