/**
 * The browser's side of CORS: what a page's {@code fetch()} sends and whether the browser lets the page see the
 * response.
 *
 * <p>{@link io.github.matrixcors.cors.CorsEvaluator} follows the Fetch Standard's "CORS check" and "CORS-preflight
 * fetch", with the deviations of Chromium, Firefox and WebKit selected by
 * {@link io.github.matrixcors.cors.BrowserProfile}. Its findings carry the rule ids of
 * {@link io.github.matrixcors.cors.CorsRuleIds} and, where a reverse-proxy habit causes them, the fix hints of
 * {@link io.github.matrixcors.cors.FixHints}.
 */
package io.github.matrixcors.cors;
