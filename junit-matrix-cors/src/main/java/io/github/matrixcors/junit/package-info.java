/**
 * The JUnit Jupiter extension: {@link io.github.matrixcors.junit.MatrixCorsCompliant} and
 * {@link io.github.matrixcors.junit.MatrixCorsSuite} check a test class's homeserver with one test per endpoint, method
 * and origin, and {@link io.github.matrixcors.junit.HomeserverUrl} names the homeserver or injects its base URL.
 */
package io.github.matrixcors.junit;
