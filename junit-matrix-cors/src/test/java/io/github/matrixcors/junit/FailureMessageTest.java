package io.github.matrixcors.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.matrixcors.cors.Finding;
import io.github.matrixcors.cors.FixHint;
import io.github.matrixcors.cors.ProxyKind;
import io.github.matrixcors.cors.Severity;
import io.github.matrixcors.http.HeaderLine;
import io.github.matrixcors.http.Hop;
import io.github.matrixcors.http.SentRequest;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FailureMessageTest {

    private static final Hop PREFLIGHT = new Hop(
            new SentRequest(
                    "OPTIONS",
                    URI.create("http://localhost:8008/_matrix/client/v3/sync"),
                    List.of(
                            new HeaderLine("Origin", "https://app.element.io"),
                            new HeaderLine("Access-Control-Request-Method", "GET"),
                            new HeaderLine("Access-Control-Request-Headers", "authorization"))),
            405,
            "Method Not Allowed",
            List.of(new HeaderLine("Content-Type", "text/html"), new HeaderLine("Allow", "GET")));

    @Test
    void everyFindingWithHintsAndEvidence() {
        Finding status = new Finding(
                "cors.preflight.status",
                Severity.ERROR,
                "The preflight response has status 405, but a browser needs a 2xx status.",
                PREFLIGHT,
                List.of(
                        new FixHint(ProxyKind.NGINX, "answer OPTIONS with return 204 inside the location block"),
                        new FixHint(ProxyKind.CADDY, "add a respond @options 204 route")));
        Finding origin = new Finding(
                "cors.allow-origin.missing",
                Severity.ERROR,
                "The preflight response has no Access-Control-Allow-Origin header.",
                PREFLIGHT,
                List.of());
        Finding maxAge = new Finding(
                "advice.max-age.missing",
                Severity.WARNING,
                "The preflight response has no Access-Control-Max-Age header, so browsers repeat it after 5 s.",
                null,
                List.of());

        String message = FailureMessage.format(
                "OPTIONS /_matrix/client/v3/sync from https://app.element.io",
                List.of(status, origin, maxAge),
                Severity.ERROR);

        assertEquals("""
                OPTIONS /_matrix/client/v3/sync from https://app.element.io: 2 findings at severity ERROR or above, 3 in total

                1. ERROR cors.preflight.status: The preflight response has status 405, but a browser needs a 2xx status.
                   Fix for nginx: answer OPTIONS with return 204 inside the location block
                   Fix for Caddy: add a respond @options 204 route
                   Request:
                      OPTIONS http://localhost:8008/_matrix/client/v3/sync
                      Origin: https://app.element.io
                      Access-Control-Request-Method: GET
                      Access-Control-Request-Headers: authorization
                   Response:
                      405 Method Not Allowed
                      Content-Type: text/html
                      Allow: GET

                2. ERROR cors.allow-origin.missing: The preflight response has no Access-Control-Allow-Origin header.
                   Evidence: the exchange shown for finding 1.

                3. WARNING advice.max-age.missing: The preflight response has no Access-Control-Max-Age header, so \
                browsers repeat it after 5 s.""", message);
    }

    @Test
    void knownProxyShowsOnlyItsFixHints() {
        Finding finding = new Finding(
                "cors.preflight.status",
                Severity.ERROR,
                "The preflight response has status 405.",
                null,
                List.of(
                        new FixHint(ProxyKind.NGINX, "return 204 for OPTIONS"),
                        new FixHint(ProxyKind.CADDY, "add a respond @options 204 route"),
                        new FixHint(ProxyKind.APACHE, "answer OPTIONS with a RewriteRule")));

        String message = FailureMessage.format(
                "OPTIONS /x from null", List.of(finding), Severity.ERROR, Optional.of(ProxyKind.CADDY));

        assertEquals(
                "OPTIONS /x from null: 1 finding at severity ERROR or above, 1 in total\n\n"
                        + "1. ERROR cors.preflight.status: The preflight response has status 405.\n"
                        + "   Fix for Caddy: add a respond @options 204 route",
                message);
    }

    @Test
    void singleFindingIsSingular() {
        Finding warning = new Finding("advice.status", Severity.WARNING, "Use 204.", null, List.of());

        String message = FailureMessage.format("OPTIONS /x from null", List.of(warning), Severity.WARNING);

        assertEquals(
                "OPTIONS /x from null: 1 finding at severity WARNING or above, 1 in total\n\n"
                        + "1. WARNING advice.status: Use 204.",
                message);
    }

    @Test
    void realAccessTokenIsHidden() {
        assertEquals(
                "Authorization: Bearer <hidden>",
                new HeaderLine("Authorization", "Bearer syt_real_token").toDisplayText());
        assertEquals("authorization: <hidden>", new HeaderLine("authorization", "token").toDisplayText());
    }

    @Test
    void invalidAccessTokenIsShown() {
        assertEquals(
                "Authorization: Bearer matrixcors_invalid_token",
                new HeaderLine("Authorization", "Bearer matrixcors_invalid_token").toDisplayText());
        assertEquals(
                "Origin: https://app.element.io", new HeaderLine("Origin", "https://app.element.io").toDisplayText());
    }
}
