package io.github.matrixcors.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentRequestTest {

    @Test
    void httpTextHidesRealAccessToken() {
        SentRequest request = new SentRequest(
                "GET",
                URI.create("http://localhost:8008/_matrix/client/v3/sync"),
                List.of(
                        new HeaderLine("Origin", "https://app.element.io"),
                        new HeaderLine("Authorization", "Bearer syt_secret")));

        assertEquals(
                "GET http://localhost:8008/_matrix/client/v3/sync\n"
                        + "Origin: https://app.element.io\n"
                        + "Authorization: Bearer <hidden>\n",
                request.toHttpText());
    }

    @Test
    void headerKeepsRealValue() {
        SentRequest request = new SentRequest(
                "GET", URI.create("http://localhost/"), List.of(new HeaderLine("Authorization", "Bearer syt_secret")));

        assertEquals("Bearer syt_secret", request.header("authorization"));
    }
}
