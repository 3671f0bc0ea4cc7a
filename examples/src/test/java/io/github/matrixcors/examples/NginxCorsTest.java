package io.github.matrixcors.examples;

import io.github.matrixcors.cors.ProxyKind;
import io.github.matrixcors.junit.MatrixCorsCompliant;
import io.github.matrixcors.junit.MatrixCorsSuite;
import io.github.matrixcors.testcontainers.MatrixStack;
import io.github.matrixcors.testcontainers.ProxyPreset;

/**
 * Synapse behind nginx, checked with every endpoint of the Matrix catalogue: one test per preflight and per actual
 * request, named for example {@code OPTIONS /_matrix/client/v3/sync from https://app.element.io}.
 *
 * <p>{@code MatrixStack.shared} starts the stack once per JVM, so other test classes that ask for the same proxy and
 * preset reuse it.
 */
// quick-start: annotation
@MatrixCorsCompliant(registerUser = true)
class NginxCorsTest implements MatrixCorsSuite {

    static MatrixStack stack = MatrixStack.shared(ProxyKind.NGINX, ProxyPreset.CORRECT);
}
// end: annotation
