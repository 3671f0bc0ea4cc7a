package io.github.matrixcors.junit;

import io.github.matrixcors.matrix.EndpointGroup;

/**
 * Runs the checks through the build's own test runner rather than EngineTestKit, so that its report shows one test per
 * check under the names users see.
 */
@MatrixCorsCompliant(groups = {EndpointGroup.WELL_KNOWN, EndpointGroup.SYNC})
class MatrixCorsSuiteTest implements MatrixCorsSuite {

    static final LoopbackHomeserver homeserver = LoopbackHomeserver.compliant();
}
