package io.github.matrixcors.testcontainers;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.matrixcors.MatrixAccount;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SynapseContainerTest {

    private static final SynapseContainer SYNAPSE = new SynapseContainer(MatrixImages.synapse());

    @BeforeAll
    static void start() {
        SYNAPSE.start();
    }

    @AfterAll
    static void stop() {
        SYNAPSE.stop();
    }

    @Test
    void healthAnswersOk() throws Exception {
        HttpResponse<String> response = get(SYNAPSE.baseUri().resolve("/health"), null);

        assertThat(response.statusCode(), equalTo(200));
    }

    @Test
    void registeredUserCanCallWhoami() throws Exception {
        MatrixAccount alice = SYNAPSE.registerUser("alice");

        assertThat(alice.userId(), equalTo("@alice:localhost"));
        HttpResponse<String> whoami =
                get(SYNAPSE.baseUri().resolve("/_matrix/client/v3/account/whoami"), alice.accessToken());
        assertThat(whoami.statusCode(), equalTo(200));
        assertThat(whoami.body(), containsString("@alice:localhost"));
    }

    @Test
    void registerUserRejectsInvalidLocalpart() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> SYNAPSE.registerUser("Alice Smith"));

        assertThat(e.getMessage(), startsWith("Invalid localpart 'Alice Smith'"));
    }

    @Test
    void errorResponsesCarrySynapseCorsHeaders() throws Exception {
        HttpResponse<String> response = get(SYNAPSE.baseUri().resolve("/_matrix/client/v3/sync"), null);

        assertThat(response.statusCode(), equalTo(401));
        assertThat(response.headers().allValues("Access-Control-Allow-Origin"), equalTo(java.util.List.of("*")));
    }

    @Test
    void runningContainerSupportsRegistration() {
        assertTrue(SYNAPSE.supportsRegistration());
    }

    static HttpResponse<String> get(URI uri, String accessToken) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (accessToken != null) {
            request.header("Authorization", "Bearer " + accessToken);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
