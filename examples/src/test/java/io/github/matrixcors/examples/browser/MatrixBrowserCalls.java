package io.github.matrixcors.examples.browser;

import io.github.matrixcors.MatrixAccount;
import io.github.matrixcors.cors.BrowserRequest;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The {@code fetch()} calls a Matrix web client makes, as one list per homeserver: preflighted writes, simple reads,
 * authenticated media, error responses and the well-known file.
 *
 * <p>Each URL comes from {@link HeadlessChromium#uniqueUrl(URI)}, so the calls can be made again in the same browser
 * session without Chromium's preflight cache hiding a preflight. Every request body is {@code {}}, the body the
 * engine's probe sends for a JSON {@code POST} or {@code PUT}, so browser and probe send the same requests.
 */
final class MatrixBrowserCalls {

    /** The account-data type the preflighted {@code PUT} writes; the write changes nothing else on the server. */
    static final String ACCOUNT_DATA_TYPE = "io.github.matrixcors.check";

    private MatrixBrowserCalls() {}

    /**
     * Returns the calls against {@code baseUri} made as {@code account}.
     *
     * @param mediaPath the server name and media id of an uploaded file, for example {@code localhost/AbCd}
     */
    static List<BrowserCall> forHomeserver(
            HeadlessChromium chromium, URI baseUri, MatrixAccount account, String mediaPath) {
        String bearer = "Bearer " + account.accessToken();
        String user = URLEncoder.encode(account.userId(), StandardCharsets.UTF_8);

        BrowserRequest versions = request(chromium, baseUri, "GET", "/_matrix/client/versions");
        BrowserRequest accountData = request(
                        chromium,
                        baseUri,
                        "PUT",
                        "/_matrix/client/v3/user/" + user + "/account_data/" + ACCOUNT_DATA_TYPE)
                .withHeader("Authorization", bearer)
                .withHeader("Content-Type", "application/json");
        BrowserRequest filter = request(chromium, baseUri, "POST", "/_matrix/client/v3/user/" + user + "/filter")
                .withHeader("Authorization", bearer)
                .withHeader("Content-Type", "application/json");
        BrowserRequest media = request(chromium, baseUri, "GET", "/_matrix/client/v1/media/download/" + mediaPath)
                .withHeader("Authorization", bearer);
        BrowserRequest badToken = request(chromium, baseUri, "GET", "/_matrix/client/v3/account/whoami")
                .withHeader("Authorization", "Bearer not-a-valid-token");
        BrowserRequest unknownPath = request(chromium, baseUri, "GET", "/_matrix/client/v3/no-such-endpoint")
                .withHeader("Authorization", bearer);
        BrowserRequest wellKnown = request(chromium, baseUri, "GET", "/.well-known/matrix/client");

        return List.of(
                BrowserCall.of("GET /versions", versions),
                new BrowserCall("PUT account data", accountData, "{}"),
                new BrowserCall("POST filter", filter, "{}"),
                BrowserCall.of("GET media download", media),
                BrowserCall.of("GET whoami, bad token", badToken),
                BrowserCall.of("GET unknown path", unknownPath),
                BrowserCall.of("GET well-known", wellKnown));
    }

    private static BrowserRequest request(HeadlessChromium chromium, URI baseUri, String method, String path) {
        URI url = chromium.uniqueUrl(baseUri.resolve(path));
        return BrowserRequest.of(method, url, chromium.origin());
    }
}
