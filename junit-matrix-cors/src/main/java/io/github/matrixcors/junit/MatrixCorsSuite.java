package io.github.matrixcors.junit;

import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * Adds the CORS compliance checks to a test class as one {@code @TestFactory}, with one dynamic test per check.
 *
 * <p>JUnit Jupiter discovers tests only from methods, and an extension cannot add methods, so the factory lives here as
 * a default method that JUnit finds on the implemented interface. The interface carries {@link MatrixCorsCompliant}
 * with its defaults; annotate the class to change them.
 *
 * <pre>{@code
 * @MatrixCorsCompliant(groups = {EndpointGroup.SYNC, EndpointGroup.MEDIA}, failOn = Severity.WARNING)
 * class ProxyCorsTest implements MatrixCorsSuite {
 *     static MatrixStack stack = MatrixStack.synapseBehind(ProxyKind.CADDY, ProxyPreset.CORRECT);
 * }
 * }</pre>
 */
@MatrixCorsCompliant
public interface MatrixCorsSuite {

    /**
     * Runs the checks selected by {@link MatrixCorsCompliant} and returns one dynamic test per check, grouped in one
     * container per endpoint group, as {@link MatrixCorsChecks#dynamicTests()} does.
     */
    @TestFactory
    @DisplayName("Matrix CORS compliance")
    default Stream<DynamicNode> matrixCorsCompliance(MatrixCorsChecks checks) {
        return checks.dynamicTests();
    }
}
