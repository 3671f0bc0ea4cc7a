package io.github.matrixcors.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EndpointCatalogueGeneratorTest {

    @Test
    void checkedInCatalogueMatchesSpecification() throws Exception {
        String generated = EndpointCatalogueGenerator.generate(EndpointCatalogueGenerator.SPEC_ROOT);
        if (Boolean.getBoolean("matrixcors.catalogue.write")) {
            Files.writeString(EndpointCatalogueGenerator.OUTPUT, generated, StandardCharsets.UTF_8);
        }

        String checkedIn = Files.readString(EndpointCatalogueGenerator.OUTPUT, StandardCharsets.UTF_8);

        assertEquals(
                generated,
                checkedIn,
                "junit-matrix-cors/" + EndpointCatalogueGenerator.OUTPUT
                        + " is out of date with src/spec; regenerate it with: "
                        + EndpointCatalogueGenerator.REGENERATE_COMMAND);
    }

    @Test
    void requiresAccessTokenWhenEveryAlternativeHasOne() {
        List<Object> bearerOrQuery =
                List.of(Map.of("accessTokenQuery", List.of()), Map.of("accessTokenBearer", List.of()));

        assertTrue(EndpointCatalogueGenerator.requiresAccessToken(bearerOrQuery));
    }

    @Test
    void requiresAccessTokenNotWhenOptional() {
        List<Object> optional = List.of(Map.of(), Map.of("accessTokenBearer", List.of()));

        assertFalse(EndpointCatalogueGenerator.requiresAccessToken(optional));
    }

    @Test
    void requiresAccessTokenNotWithoutSecurity() {
        assertFalse(EndpointCatalogueGenerator.requiresAccessToken(null));
        assertFalse(EndpointCatalogueGenerator.requiresAccessToken(List.of()));
        assertFalse(EndpointCatalogueGenerator.requiresAccessToken(List.of(Map.of("signedRequest", List.of()))));
    }

    @Test
    void samplePathEncodesLikeWebClients() {
        String sample =
                EndpointCatalogueGenerator.samplePath("/_matrix/client/v3/rooms/{roomId}/send/{eventType}/{txnId}");

        assertEquals("/_matrix/client/v3/rooms/!matrixcors%3Alocalhost/send/m.room.message/matrixcors-txn", sample);
    }

    @Test
    void samplePathEncodesAliasAndUser() {
        assertEquals(
                "/_matrix/client/v3/directory/room/%23matrixcors%3Alocalhost",
                EndpointCatalogueGenerator.samplePath("/_matrix/client/v3/directory/room/{roomAlias}"));
        assertEquals(
                "/_matrix/client/v3/profile/%40matrixcors%3Alocalhost",
                EndpointCatalogueGenerator.samplePath("/_matrix/client/v3/profile/{userId}"));
    }

    @Test
    void samplePathRejectsUnknownParameter() {
        IllegalStateException error = assertThrows(
                IllegalStateException.class, () -> EndpointCatalogueGenerator.samplePath("/a/{somethingNew}"));

        assertEquals(
                "No placeholder for the path parameter {somethingNew} of /a/{somethingNew};"
                        + " add one to SamplePathValues",
                error.getMessage());
    }

    @Test
    void encodeUriComponentKeepsUnreservedCharacters() {
        assertEquals("aZ9-_.!~*'()", SamplePathValues.encodeUriComponent("aZ9-_.!~*'()"));
        assertEquals("%24%23%40%3A%2F%20%C3%A9", SamplePathValues.encodeUriComponent("$#@:/ é"));
    }

    @Test
    void groupOfUnknownFileFails() {
        IllegalStateException error =
                assertThrows(IllegalStateException.class, () -> SpecFileGroups.groupOf("new_feature.yaml"));

        assertEquals(
                "No endpoint group for the specification file new_feature.yaml; add it to SpecFileGroups",
                error.getMessage());
    }
}
