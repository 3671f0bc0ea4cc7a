package io.github.matrixcors.examples.browser;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChromiumReasonsTest {

    @Test
    void preflightRedirectMapped() {
        String message = "SEVERE http://localhost:1/x - Access to fetch at 'http://localhost:1/x' from origin"
                + " 'http://127.0.0.1:2' has been blocked by CORS policy: Response to preflight request doesn't pass"
                + " access control check: Redirect is not allowed for a preflight request.";

        assertThat(
                ChromiumReasons.expectedRules(List.of(message)),
                equalTo(Optional.of(Set.of("cors.preflight.redirect"))));
    }

    @Test
    void unknownReasonNotChecked() {
        List<String> console = List.of(
                "SEVERE http://localhost:1/x - Failed to load resource: net::ERR_FAILED",
                "SEVERE blocked by CORS policy: a reason no Chromium version has given");

        assertThat(ChromiumReasons.expectedRules(console).isPresent(), is(false));
    }
}
