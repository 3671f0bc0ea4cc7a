package io.github.matrixcors.testcontainers;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

class SynapseConfigTest {

    @Test
    void signingKeyHasSynapseFormat() throws Exception {
        String key = SynapseConfig.generateSigningKey();

        assertThat(key, matchesPattern("ed25519 a_[A-Za-z0-9]{4} [A-Za-z0-9+/]{43}\n"));
        byte[] seed = Base64.getDecoder().decode(key.strip().split(" ")[2]);
        assertThat(seed.length, equalTo(32));
        byte[] pkcs8 = HexFormat.of()
                .parseHex("302e020100300506032b657004220420" + HexFormat.of().formatHex(seed));
        KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
    }

    @Test
    void secretsDifferPerInstance() {
        SynapseConfig first = new SynapseConfig("localhost");
        SynapseConfig second = new SynapseConfig("localhost");

        assertThat(first.registrationSharedSecret(), not(equalTo(second.registrationSharedSecret())));
        assertThat(first.signingKey(), not(equalTo(second.signingKey())));
        assertThat(first.get("macaroon_secret_key"), not(equalTo(second.get("macaroon_secret_key"))));
    }

    @Test
    @SuppressWarnings("unchecked")
    void yamlHasTestDefaults() {
        Map<String, Object> yaml = parse(new SynapseConfig("example.test").toYaml());

        assertThat(yaml.get("server_name"), equalTo("example.test"));
        assertThat(yaml.get("report_stats"), equalTo(false));
        assertThat(yaml.get("enable_registration"), equalTo(false));
        assertThat(yaml.get("trusted_key_servers"), equalTo(List.of()));
        Map<String, Object> listener = ((List<Map<String, Object>>) yaml.get("listeners")).get(0);
        assertThat(listener.get("x_forwarded"), equalTo(true));
        assertThat(listener.get("port"), equalTo(8008));
        assertThat(((Map<String, Object>) yaml.get("database")).get("name"), equalTo("sqlite3"));
        assertThat(((Map<String, Object>) yaml.get("rc_message")).get("per_second"), equalTo(1000));
    }

    @Test
    void withConfigReplacesAndRemovesKeys() {
        SynapseContainer synapse = new SynapseContainer(MatrixImages.SYNAPSE)
                .withConfig("max_upload_size", "1M")
                .withConfig("report_stats", null)
                .withServerName("matrix.example.test");

        Map<String, Object> yaml = parse(synapse.getHomeserverYaml());

        assertThat(yaml.get("max_upload_size"), equalTo("1M"));
        assertThat(yaml.containsKey("report_stats"), equalTo(false));
        assertThat(synapse.getServerName(), equalTo("matrix.example.test"));
    }

    @Test
    void withConfigRejectsBlankKey() {
        SynapseContainer synapse = new SynapseContainer(MatrixImages.SYNAPSE);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> synapse.withConfig(" ", 1));

        assertThat(e.getMessage(), containsString("top-level key"));
    }

    @Test
    void constructorRejectsIncompatibleImage() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new SynapseContainer("nginx:1.30.8"));

        assertThat(e.getMessage(), containsString("asCompatibleSubstituteFor"));
    }

    @Test
    void registrationMacMatchesSynapseAlgorithm() {
        SharedSecretRegistration registration =
                new SharedSecretRegistration(java.net.URI.create("http://localhost:1"), "secret");

        // HMAC-SHA1("secret", "abc\0alice\0pw\0notadmin"), computed independently with Python's hmac module.
        assertThat(registration.mac("abc", "alice", "pw"), equalTo("42e32623fe124933c326f9d2d67ff7c617915a10"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(String yaml) {
        return (Map<String, Object>) new Load(LoadSettings.builder().build()).loadFromString(yaml);
    }
}
