package io.github.matrixcors.examples;

import io.github.matrixcors.cors.ProxyKind;
import io.github.matrixcors.cors.Severity;
import io.github.matrixcors.junit.MatrixCorsCompliant;
import io.github.matrixcors.junit.MatrixCorsSuite;
import io.github.matrixcors.matrix.EndpointGroup;
import io.github.matrixcors.testcontainers.MatrixStack;
import io.github.matrixcors.testcontainers.ProxyPreset;

/**
 * Synapse behind Apache httpd, checked for the endpoint groups a web client needs first. With
 * {@code failOn = WARNING} a deviation from the Matrix specification fails a check too, not only what a browser
 * blocks; the CORRECT preset passes even then.
 */
@MatrixCorsCompliant(
        registerUser = true,
        groups = {EndpointGroup.WELL_KNOWN, EndpointGroup.AUTH, EndpointGroup.SYNC, EndpointGroup.MEDIA},
        failOn = Severity.WARNING)
class ApacheCorsTest implements MatrixCorsSuite {

    static MatrixStack stack = MatrixStack.synapseBehind(ProxyKind.APACHE, ProxyPreset.CORRECT);
}
