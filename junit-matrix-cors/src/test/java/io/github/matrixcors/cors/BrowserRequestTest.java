package io.github.matrixcors.cors;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BrowserRequestTest {

    private static final URI URL = URI.create("http://127.0.0.1:8008/_matrix/client/v3/sync");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://app.element.io",
                "http://127.0.0.1:8080",
                "http://[::1]:8080",
                "app://localhost",
                "chrome-extension://abcdef",
                "null"
            })
    void acceptsSerializedOrigins(String origin) {
        assertThat(BrowserRequest.of("GET", URL, origin).origin(), is(origin));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "htps//app.element.io",
                "app.element.io",
                "https://app.element.io/",
                "https://app.element.io/path",
                "https://app.element.io?x=1",
                "https://app.element.io:port",
                "https://app element.io",
                "https://a.example, https://b.example",
                ""
            })
    void rejectsInvalidOrigin(String origin) {
        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> BrowserRequest.of("GET", URL, origin));

        assertThat(error.getMessage(), containsString("Invalid origin '" + origin + "'"));
        assertThat(error.getMessage(), containsString("scheme://host[:port]"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"G ET", "", "GET\r\n", "PUT;", "(GET)"})
    void rejectsMethodThatIsNoToken(String method) {
        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class,
                () -> new BrowserRequest(method, URL, "https://app.element.io", List.of(), CredentialsMode.OMIT));

        assertThat(error.getMessage(), containsString("Invalid method '" + method + "'"));
        assertThat(error.getMessage(), containsString("HTTP token"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"GET", "put", "PATCH", "M-SEARCH", "PROPFIND"})
    void acceptsMethodTokens(String method) {
        assertThat(BrowserRequest.of(method, URL, "https://app.element.io").method(), is(method));
    }
}
