/** Testcontainers module: a real Synapse, alone or behind nginx, Caddy or Apache httpd. */
package io.github.matrixcors.testcontainers;
