package io.github.matrixcors.examples;

import io.github.matrixcors.cors.ProxyKind;
import io.github.matrixcors.junit.MatrixCorsCompliant;
import io.github.matrixcors.junit.MatrixCorsSuite;
import io.github.matrixcors.testcontainers.MatrixStack;
import io.github.matrixcors.testcontainers.ProxyPreset;

/**
 * Synapse behind Caddy, checked from two web client origins. The extension starts the stack before the checks and
 * stops it after them.
 */
@MatrixCorsCompliant(
        registerUser = true,
        origins = {"https://app.element.io", "https://chat.example.org"})
class CaddyCorsTest implements MatrixCorsSuite {

    static MatrixStack stack = MatrixStack.synapseBehind(ProxyKind.CADDY, ProxyPreset.CORRECT);
}
