package io.github.matrixcors.testcontainers;

import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * The {@code homeserver.yaml} of one test homeserver: typed defaults for a single Synapse process with SQLite, fresh
 * secrets per instance, and any key overridden by the test.
 */
final class SynapseConfig {

    /** Directory in the container that contains the configuration, the signing key, the database and the media. */
    static final String DATA_DIR = "/data";

    static final String CONFIG_PATH = DATA_DIR + "/homeserver.yaml";

    static final String SIGNING_KEY_PATH = DATA_DIR + "/signing.key";

    static final int HTTP_PORT = 8008;

    /** PKCS#8 prefix of an Ed25519 private key (RFC 8410); the 32-byte seed follows it. */
    private static final byte[] ED25519_PKCS8_PREFIX = HexFormat.of().parseHex("302e020100300506032b657004220420");

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Object> values = new LinkedHashMap<>();

    private final String registrationSharedSecret = randomToken(32);

    private final String signingKey = generateSigningKey();

    SynapseConfig(String serverName) {
        values.put("server_name", serverName);
        values.put("pid_file", DATA_DIR + "/homeserver.pid");
        values.put("report_stats", false);
        values.put(
                "listeners",
                List.of(Map.of(
                        "port",
                        HTTP_PORT,
                        "type",
                        "http",
                        "tls",
                        false,
                        "bind_addresses",
                        List.of("0.0.0.0"),
                        "x_forwarded",
                        true,
                        "resources",
                        List.of(Map.of("names", List.of("client"), "compress", false)))));
        values.put("database", Map.of("name", "sqlite3", "args", Map.of("database", DATA_DIR + "/homeserver.db")));
        values.put("media_store_path", DATA_DIR + "/media_store");
        values.put("signing_key_path", SIGNING_KEY_PATH);
        values.put("registration_shared_secret", registrationSharedSecret);
        values.put("macaroon_secret_key", randomToken(32));
        values.put("form_secret", randomToken(32));
        values.put("enable_registration", false);
        values.put("serve_client_wellknown", true);

        // A test homeserver contacts no other server: no key servers, no federation, no usage statistics.
        values.put("trusted_key_servers", List.of());
        values.put("suppress_key_server_warning", true);
        values.put("federation_domain_whitelist", List.of());
        values.put("enable_metrics", false);

        // Tests send bursts from one address; Synapse's defaults would reject them with 429.
        Map<String, Object> relaxed = Map.of("per_second", 1000, "burst_count", 1000);
        for (String key : List.of(
                "rc_message",
                "rc_registration",
                "rc_registration_token_validity",
                "rc_admin_redaction",
                "rc_3pid_validation",
                "rc_media_create",
                "rc_delayed_event_mgmt",
                "rc_presence")) {
            values.put(key, relaxed);
        }
        values.put("rc_login", Map.of("address", relaxed, "account", relaxed, "failed_attempts", relaxed));
        values.put("rc_joins", Map.of("local", relaxed, "remote", relaxed));
        values.put("rc_invites", Map.of("per_room", relaxed, "per_user", relaxed, "per_issuer", relaxed));
    }

    /** Sets a top-level key, replacing the default; {@code null} removes the key. */
    void put(String key, Object value) {
        if (value == null) {
            values.remove(key);
        } else {
            values.put(key, value);
        }
    }

    Object get(String key) {
        return values.get(key);
    }

    String serverName() {
        return String.valueOf(values.get("server_name"));
    }

    String registrationSharedSecret() {
        Object secret = values.get("registration_shared_secret");
        return secret == null ? null : secret.toString();
    }

    /** Returns the signing key file's content, {@code ed25519 <key id> <unpadded base64 seed>}. */
    String signingKey() {
        return signingKey;
    }

    /** Renders the configuration as YAML in block style. */
    String toYaml() {
        DumpSettings settings =
                DumpSettings.builder().setDefaultFlowStyle(FlowStyle.BLOCK).build();
        return "# Written by " + SynapseContainer.class.getName() + " for one test run.\n"
                + new Dump(settings).dumpToString(values);
    }

    /**
     * Generates an Ed25519 signing key in Synapse's key file format. The key id is {@code a_} and four random
     * alphanumerics, as Synapse's own key generator makes them.
     */
    static String generateSigningKey() {
        byte[] pkcs8;
        try {
            pkcs8 = KeyPairGenerator.getInstance("Ed25519")
                    .generateKeyPair()
                    .getPrivate()
                    .getEncoded();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(
                    "This JVM offers no Ed25519 key generator, which Java 15 and later have", e);
        }
        byte[] prefix = Arrays.copyOf(pkcs8, ED25519_PKCS8_PREFIX.length);
        if (pkcs8.length != ED25519_PKCS8_PREFIX.length + 32 || !Arrays.equals(prefix, ED25519_PKCS8_PREFIX)) {
            throw new IllegalStateException(
                    "Unexpected Ed25519 private key encoding: " + HexFormat.of().formatHex(pkcs8));
        }
        byte[] seed = Arrays.copyOfRange(pkcs8, ED25519_PKCS8_PREFIX.length, pkcs8.length);
        return "ed25519 a_" + randomAlphanumeric(4) + " "
                + Base64.getEncoder().withoutPadding().encodeToString(seed) + "\n";
    }

    static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }

    private static String randomAlphanumeric(int length) {
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder result = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            result.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
        }
        return result.toString();
    }
}
