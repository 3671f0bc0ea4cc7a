package io.github.matrixcors.junit;

import io.github.matrixcors.MatrixHomeserver;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * The source of a test class's homeserver, found by {@link #find}: a homeserver field, an annotated URL member or a
 * live server's URL.
 */
sealed interface HomeserverSource {

    /** Names the source in messages, for example {@code field ProxyCorsTest.stack}. */
    String description();

    /** A field whose declared type implements {@link MatrixHomeserver}; the extension may start and stop it. */
    record HomeserverField(Field field) implements HomeserverSource {

        boolean isStatic() {
            return Modifier.isStatic(field.getModifiers());
        }

        @Override
        public String description() {
            return "field " + memberName(field);
        }
    }

    /** A field or no-argument method annotated with {@link HomeserverUrl}, returning a {@code String} or a URI. */
    record UrlMember(Member member) implements HomeserverSource {

        boolean isStatic() {
            return Modifier.isStatic(member.getModifiers());
        }

        @Override
        public String description() {
            return (member instanceof Method ? "method " : "field ") + memberName(member);
        }
    }

    /** A base URL given by a configuration parameter, a system property or an environment variable. */
    record LiveServer(String description, URI baseUri) implements HomeserverSource {}

    /** Returns how to reduce several homeservers to one, fitting the kinds of members declared. */
    private static String fixForSeveral(List<HomeserverSource> declared) {
        List<String> fixes = new ArrayList<>();
        if (declared.stream().anyMatch(source -> source instanceof UrlMember)) {
            fixes.add("remove @HomeserverUrl from the URL members you do not want checked");
        }
        if (declared.stream().anyMatch(source -> source instanceof HomeserverField)) {
            fixes.add("declare the homeserver fields you do not want checked with a type that does not implement"
                    + " MatrixHomeserver");
        }
        return String.join(", and ", fixes);
    }

    /**
     * Finds the homeserver of {@code testClass}: a {@code MatrixHomeserver} field or a {@link HomeserverUrl} member of
     * the class or its superclasses; if there is none, of its enclosing classes from the innermost outwards; if there is
     * none either, the {@value MatrixCorsCompliant#HOMESERVER_PROPERTY} parameter or the
     * {@value MatrixCorsCompliant#HOMESERVER_ENVIRONMENT_VARIABLE} environment variable.
     *
     * @param enclosingClasses the enclosing classes of a {@code @Nested} class, outermost first
     * @param configurationParameter looks up JUnit configuration parameters, which include system properties
     * @param environment looks up environment variables
     * @throws ExtensionConfigurationException when no homeserver or more than one is found, or a member has a wrong
     *     type
     */
    static HomeserverSource find(
            Class<?> testClass,
            List<Class<?>> enclosingClasses,
            Function<String, Optional<String>> configurationParameter,
            Function<String, String> environment) {
        List<Class<?>> searchOrder = new ArrayList<>();
        searchOrder.add(testClass);
        for (int i = enclosingClasses.size() - 1; i >= 0; i--) {
            searchOrder.add(enclosingClasses.get(i));
        }

        for (Class<?> candidateClass : searchOrder) {
            List<HomeserverSource> declared = declaredSources(candidateClass);
            if (declared.size() == 1) {
                return declared.get(0);
            }
            if (declared.size() > 1) {
                throw new ExtensionConfigurationException(String.format(
                        "Found %d homeservers in %s: %s. The extension checks one homeserver per class: keep one, %s.",
                        declared.size(),
                        candidateClass.getSimpleName(),
                        String.join(
                                ", ",
                                declared.stream()
                                        .map(HomeserverSource::description)
                                        .toList()),
                        fixForSeveral(declared)));
            }
        }

        Optional<String> property = configurationParameter.apply(MatrixCorsCompliant.HOMESERVER_PROPERTY);
        if (property.isPresent() && !property.get().isBlank()) {
            String description = "property " + MatrixCorsCompliant.HOMESERVER_PROPERTY;
            return new LiveServer(description, parseBaseUrl(property.get().trim(), description));
        }
        String variable = environment.apply(MatrixCorsCompliant.HOMESERVER_ENVIRONMENT_VARIABLE);
        if (variable != null && !variable.isBlank()) {
            String description = "environment variable " + MatrixCorsCompliant.HOMESERVER_ENVIRONMENT_VARIABLE;
            return new LiveServer(description, parseBaseUrl(variable.trim(), description));
        }

        throw new ExtensionConfigurationException("No homeserver found for " + testClass.getSimpleName()
                + ": declare a field of type MatrixHomeserver (such as a Synapse container), annotate a String or URI"
                + " field or method with @HomeserverUrl, or set the system property "
                + MatrixCorsCompliant.HOMESERVER_PROPERTY + " or the environment variable "
                + MatrixCorsCompliant.HOMESERVER_ENVIRONMENT_VARIABLE + " to a running server's base URL.");
    }

    private static List<HomeserverSource> declaredSources(Class<?> testClass) {
        List<HomeserverSource> sources = new ArrayList<>();

        List<Field> homeserverFields = ReflectionSupport.findFields(
                testClass,
                field -> !field.isSynthetic() && MatrixHomeserver.class.isAssignableFrom(field.getType()),
                HierarchyTraversalMode.TOP_DOWN);
        for (Field field : homeserverFields) {
            sources.add(new HomeserverField(field));
        }

        List<Field> urlFields = AnnotationSupport.findAnnotatedFields(
                testClass,
                HomeserverUrl.class,
                field -> !MatrixHomeserver.class.isAssignableFrom(field.getType()),
                HierarchyTraversalMode.TOP_DOWN);
        for (Field field : urlFields) {
            if (!isUrlType(field.getType())) {
                throw new ExtensionConfigurationException(String.format(
                        "@HomeserverUrl field %s has type %s, but must be String or URI: change its type, or move the"
                                + " conversion into a method such as @HomeserverUrl static URI homeserverUrl().",
                        memberName(field), field.getType().getSimpleName()));
            }
            sources.add(new UrlMember(field));
        }

        List<Method> urlMethods =
                AnnotationSupport.findAnnotatedMethods(testClass, HomeserverUrl.class, HierarchyTraversalMode.TOP_DOWN);
        for (Method method : urlMethods) {
            if (method.getParameterCount() > 0) {
                throw new ExtensionConfigurationException(String.format(
                        "@HomeserverUrl method %s takes %d parameters, but must take none: read what it needs from"
                                + " fields of the test class.",
                        memberName(method), method.getParameterCount()));
            }
            if (!isUrlType(method.getReturnType())) {
                throw new ExtensionConfigurationException(String.format(
                        "@HomeserverUrl method %s returns %s, but must return String or URI: change its return type.",
                        memberName(method), method.getReturnType().getSimpleName()));
            }
            sources.add(new UrlMember(method));
        }
        sources.sort(Comparator.comparing(HomeserverSource::description));
        return sources;
    }

    private static boolean isUrlType(Class<?> type) {
        return type == String.class || type == URI.class;
    }

    /**
     * Parses and checks a homeserver base URL: absolute, {@code http} or {@code https}, with a host and without a query
     * or fragment.
     *
     * @param description names where the value came from, for example {@code field ProxyCorsTest.url}
     * @throws ExtensionConfigurationException naming the value, its source and an example of a valid URL
     */
    static URI parseBaseUrl(String value, String description) {
        String problem;
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https")) {
                problem = "it is not an absolute http or https URL";
            } else if (uri.getHost() == null) {
                problem = "it has no host";
            } else if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                problem = "it has a query or fragment";
            } else {
                return uri;
            }
        } catch (URISyntaxException malformed) {
            problem = "it is malformed (" + malformed.getReason() + " at index " + malformed.getIndex() + ")";
        }
        throw new ExtensionConfigurationException(String.format(
                "The homeserver base URL \"%s\" from %s is invalid because %s: give the URL a web client is"
                        + " configured with, such as http://localhost:8008 or https://matrix.example.org.",
                value, description, problem));
    }

    /** Returns {@code Class.member} or {@code Class.method()}, with the simple name of the declaring class. */
    static String memberName(Member member) {
        String suffix = member instanceof Method ? "()" : "";
        return member.getDeclaringClass().getSimpleName() + "." + member.getName() + suffix;
    }
}
