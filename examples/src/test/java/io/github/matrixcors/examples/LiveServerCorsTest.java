package io.github.matrixcors.examples;

import io.github.matrixcors.junit.MatrixCorsCompliant;
import io.github.matrixcors.junit.MatrixCorsSuite;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * A running homeserver named at run time, for example staging or production in a deployment pipeline. The class
 * declares no homeserver, so the extension takes the base URL from the property {@code matrixcors.homeserver} (or the
 * environment variable {@code MATRIXCORS_HOMESERVER}). It runs only when that property is set, so the rest of the
 * suite does not need a live server.
 *
 * <p>Mutating requests carry an invalid access token, so the checks change nothing on the server. Set
 * {@code matrixcors.accessToken} (or {@code MATRIXCORS_ACCESS_TOKEN}) to an existing account's token to probe the
 * authenticated GET endpoints with it.
 */
@EnabledIfSystemProperty(named = "matrixcors.homeserver", matches = ".+")
@MatrixCorsCompliant
class LiveServerCorsTest implements MatrixCorsSuite {}
