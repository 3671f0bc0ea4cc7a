package io.github.matrixcors.junit;

import io.github.matrixcors.junit.HomeserverSource.HomeserverField;
import io.github.matrixcors.matrix.EndpointCatalogue;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state the extension resolves once per test class: its settings, the source of its homeserver, and the results of
 * its checks for the summary.
 *
 * @param annotatedOnClass whether the class or a superclass or interface carries {@link MatrixCorsCompliant}, rather
 *     than only an enclosing class of a {@code @Nested} class
 */
record ClassState(
        CheckSettings settings, HomeserverSource source, ComplianceSummary summary, boolean annotatedOnClass) {

    private static final Logger LOG = LoggerFactory.getLogger(ClassState.class);

    /** Stands in for the annotation when only an enclosing class of a {@code @Nested} class is annotated. */
    @MatrixCorsCompliant
    private static final class Defaults {}

    /**
     * Resolves the state of the test class of {@code classContext}.
     *
     * @throws ExtensionConfigurationException when a setting is invalid or the homeserver cannot be found
     */
    static ClassState resolve(ExtensionContext classContext) {
        Class<?> testClass = classContext.getRequiredTestClass();
        Optional<MatrixCorsCompliant> own = AnnotationSupport.findAnnotation(testClass, MatrixCorsCompliant.class);
        MatrixCorsCompliant annotation = own.or(() -> AnnotationSupport.findAnnotation(
                        testClass, MatrixCorsCompliant.class, classContext.getEnclosingTestClasses()))
                .orElseGet(() -> Defaults.class.getAnnotation(MatrixCorsCompliant.class));

        CheckSettings settings = CheckSettings.resolve(
                annotation,
                testClass.getSimpleName(),
                EndpointCatalogue.standard(),
                classContext::getConfigurationParameter,
                System::getenv);
        HomeserverSource source = HomeserverSource.find(
                testClass,
                classContext.getEnclosingTestClasses(),
                classContext::getConfigurationParameter,
                System::getenv);

        boolean propertySet = classContext
                .getConfigurationParameter(MatrixCorsCompliant.HOMESERVER_PROPERTY)
                .isPresent();
        if (propertySet && !(source instanceof HomeserverSource.LiveServer)) {
            LOG.warn(
                    "{} takes its homeserver from {}, so the property {} is ignored",
                    testClass.getSimpleName(),
                    source.description(),
                    MatrixCorsCompliant.HOMESERVER_PROPERTY);
        }

        if (settings.registerUser() && !(source instanceof HomeserverField)) {
            throw new ExtensionConfigurationException(String.format(
                    "@MatrixCorsCompliant(registerUser = true) of %s needs a MatrixHomeserver field that can register"
                            + " users, but the homeserver comes from %s: set registerUser = false, or give an existing"
                            + " account's access token in the property %s.",
                    testClass.getSimpleName(), source.description(), MatrixCorsCompliant.ACCESS_TOKEN_PROPERTY));
        }
        return new ClassState(settings, source, new ComplianceSummary(testClass.getSimpleName()), own.isPresent());
    }
}
