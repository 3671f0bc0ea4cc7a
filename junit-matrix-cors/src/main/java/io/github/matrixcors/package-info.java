/** Checks that a Matrix homeserver and its reverse proxy answer browsers' CORS requests correctly. */
package io.github.matrixcors;
