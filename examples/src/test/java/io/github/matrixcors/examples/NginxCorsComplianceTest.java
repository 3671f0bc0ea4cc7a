package io.github.matrixcors.examples;

import io.github.matrixcors.cors.ProxyKind;
import io.github.matrixcors.junit.MatrixCorsCompliant;
import io.github.matrixcors.junit.MatrixCorsSuite;
import io.github.matrixcors.testcontainers.MatrixStack;
import io.github.matrixcors.testcontainers.ProxyPreset;

/**
 * Checks every catalogue endpoint of Synapse behind nginx's correct preset, with a registered user's access token: the
 * whole class is the homeserver declaration. Each check shows as its own test.
 */
// quick-start: annotation
@MatrixCorsCompliant(registerUser = true)
class NginxCorsComplianceTest implements MatrixCorsSuite {

    static final MatrixStack stack = MatrixStack.synapseBehind(ProxyKind.NGINX, ProxyPreset.CORRECT);
}
// end: annotation
