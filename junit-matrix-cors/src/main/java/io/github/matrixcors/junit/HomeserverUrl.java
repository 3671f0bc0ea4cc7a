package io.github.matrixcors.junit;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the base URL of the homeserver to check, or injects it into a test method parameter. Read by the extension that
 * {@link MatrixCorsCompliant} registers, so it has an effect only in a class carrying that annotation or implementing
 * {@link MatrixCorsSuite}.
 *
 * <p>On a field or a method of the test class (static or not, any visibility, superclasses included), it gives the
 * base URL of a server that is already running, such as {@code http://localhost:8008} or
 * {@code https://matrix.example.org}. The field or the method's return value must be a {@code String} or a
 * {@link java.net.URI}; the method must take no parameters. It is read each time a test needs the URL, so it may
 * depend on a container started by another extension. A field holding a {@link io.github.matrixcors.MatrixHomeserver}
 * needs no annotation.
 *
 * <p>On a test method parameter of type {@link java.net.URI} or {@code String}, it injects the base URL of the
 * homeserver the class checks, wherever that came from, so that a test can make its own requests and assertions.
 *
 * <h2>Errors</h2>
 *
 * <ul>
 *   <li>Another field or return type, a method with parameters, two annotated members, or one next to a
 *       {@code MatrixHomeserver} field: {@link org.junit.jupiter.api.extension.ExtensionConfigurationException} before
 *       the class's first test.
 *   <li>A value that is null, relative or malformed: {@code ExtensionConfigurationException} in the test that reads
 *       it.
 *   <li>A parameter of another type: {@link org.junit.jupiter.api.extension.ParameterResolutionException}.
 * </ul>
 *
 * <h2>Limitations</h2>
 *
 * <ul>
 *   <li>A server given by URL is never started or stopped by the extension, and cannot register users.
 * </ul>
 */
@Target({ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface HomeserverUrl {}
