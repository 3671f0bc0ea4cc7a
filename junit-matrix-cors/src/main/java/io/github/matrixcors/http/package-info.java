/**
 * The probe that sends browser-shaped CORS requests and records each response exactly as received.
 *
 * <p>{@link io.github.matrixcors.http.Probe} sends preflights and actual requests, following redirects hop by hop
 * itself. Each {@link io.github.matrixcors.http.Hop} keeps every response header line apart and in order, so that a
 * duplicated {@code Access-Control-Allow-Origin} stays visible. Failures to get any HTTP response end in a
 * {@link io.github.matrixcors.http.ProbeException} that names the URL and what to change.
 */
package io.github.matrixcors.http;
