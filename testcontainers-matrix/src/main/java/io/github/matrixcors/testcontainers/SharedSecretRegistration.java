package io.github.matrixcors.testcontainers;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.matrixcors.MatrixAccount;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Synapse's shared-secret registration API, {@code /_synapse/admin/v1/register}: fetch a nonce with GET, then POST the
 * user with an HMAC-SHA1 over {@code nonce\0user\0password\0notadmin} keyed with the registration shared secret.
 */
final class SharedSecretRegistration {

    static final String PATH = "/_synapse/admin/v1/register";

    /** The characters the Matrix specification allows in a user id's local part. */
    private static final Pattern LOCALPART = Pattern.compile("[a-z0-9._=/+-]+");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI baseUri;

    private final String sharedSecret;

    private final HttpClient client =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    SharedSecretRegistration(URI baseUri, String sharedSecret) {
        this.baseUri = baseUri;
        this.sharedSecret = sharedSecret;
    }

    MatrixAccount register(String localpart) {
        if (localpart == null || !LOCALPART.matcher(localpart).matches()) {
            throw new IllegalArgumentException("Invalid localpart '" + localpart
                    + "': use lowercase letters, digits and ._=/+- only, for example \"alice\"");
        }
        String password = SynapseConfig.randomToken(18);
        URI uri = baseUri.resolve(PATH);

        JsonNode nonceReply = send(HttpRequest.newBuilder(uri).GET().build());
        String nonce = nonceReply.path("nonce").asText(null);
        if (nonce == null) {
            throw new IllegalStateException("GET " + uri + " returned no nonce: " + nonceReply);
        }

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("nonce", nonce);
        body.put("username", localpart);
        body.put("password", password);
        body.put("admin", false);
        body.put("mac", mac(nonce, localpart, password));
        JsonNode reply;
        try {
            reply = send(HttpRequest.newBuilder(uri)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))
                    .build());
        } catch (IOException e) {
            throw new IllegalStateException("Failed to encode the registration request", e);
        }

        String userId = reply.path("user_id").asText(null);
        String accessToken = reply.path("access_token").asText(null);
        if (userId == null || accessToken == null) {
            throw new IllegalStateException(
                    "POST " + uri + " returned no user_id or access_token: " + reply.path("errcode"));
        }
        return new MatrixAccount(userId, accessToken, reply.path("device_id").asText(null));
    }

    String mac(String nonce, String user, String password) {
        try {
            Mac hmac = Mac.getInstance("HmacSHA1");
            hmac.init(new SecretKeySpec(sharedSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA1"));
            String message = nonce + "\0" + user + "\0" + password + "\0notadmin";
            return HexFormat.of().formatHex(hmac.doFinal(message.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA1 is not available in this JVM", e);
        }
    }

    private JsonNode send(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(request.method() + " " + request.uri() + " was interrupted", e);
        }
        if (response.statusCode() != 200) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " returned HTTP "
                    + response.statusCode() + ": " + response.body());
        }
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(
                    request.method() + " " + request.uri() + " returned no JSON: " + response.body(), e);
        }
    }
}
