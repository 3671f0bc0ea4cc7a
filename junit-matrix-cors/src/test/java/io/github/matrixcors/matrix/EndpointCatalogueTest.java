package io.github.matrixcors.matrix;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class EndpointCatalogueTest {

    private final EndpointCatalogue catalogue = EndpointCatalogue.standard();

    @Test
    void standardNamesSpecVersions() {
        assertEquals(List.of("v1.16", "v1.19"), catalogue.specVersions());
        assertEquals("v1.19", catalogue.specVersion());
    }

    @Test
    void standardContainsWellKnownClient() {
        Endpoint wellKnown = catalogue.find("GET", "/.well-known/matrix/client").orElseThrow();

        assertEquals(EndpointGroup.WELL_KNOWN, wellKnown.group());
        assertFalse(wellKnown.requiresAuth());
        assertEquals("getWellknown", wellKnown.operationId());
    }

    @Test
    void versionsIsUnauthenticated() {
        Endpoint versions = catalogue.find("GET", "/_matrix/client/versions").orElseThrow();

        assertFalse(versions.requiresAuth());
        assertEquals(EndpointGroup.OTHER, versions.group());
    }

    @Test
    void sendMessageRequiresAuth() {
        Endpoint send = catalogue
                .find("PUT", "/_matrix/client/v3/rooms/{roomId}/send/{eventType}/{txnId}")
                .orElseThrow();

        assertTrue(send.requiresAuth());
        assertTrue(send.isMutating());
        assertEquals(EndpointGroup.ROOMS, send.group());
        assertEquals(
                "/_matrix/client/v3/rooms/!matrixcors%3Alocalhost/send/m.room.message/matrixcors-txn",
                send.samplePath());
        assertEquals(List.of("v1.16", "v1.19"), send.specVersions());
    }

    @Test
    void mediaCoversLegacyAndAuthenticated() {
        List<String> media = catalogue.group(EndpointGroup.MEDIA).stream()
                .map(Endpoint::toString)
                .toList();

        assertTrue(media.contains("GET /_matrix/client/v1/media/download/{serverName}/{mediaId}"), media::toString);
        assertTrue(media.contains("GET /_matrix/media/v3/download/{serverName}/{mediaId}"), media::toString);
        assertTrue(media.contains("POST /_matrix/media/v3/upload"), media::toString);
    }

    @Test
    void endpointOnlyInNewerVersionSaysSo() {
        Endpoint mutualRooms =
                catalogue.find("GET", "/_matrix/client/v1/mutual_rooms").orElseThrow();

        assertEquals(List.of("v1.19"), mutualRooms.specVersions());
    }

    @Test
    void everyGroupHasEndpoints() {
        for (EndpointGroup group : EndpointGroup.values()) {
            assertFalse(catalogue.group(group).isEmpty(), group::toString);
        }
    }

    @Test
    void everySamplePathIsConcreteUri() {
        for (Endpoint endpoint : catalogue.endpoints()) {
            assertFalse(endpoint.samplePath().contains("{"), endpoint::toString);
            URI uri = endpoint.sampleUri(URI.create("http://localhost:8008"));
            assertEquals("localhost", uri.getHost(), endpoint::toString);
        }
    }

    @Test
    void findMatchesConcretePath() {
        Optional<Endpoint> found =
                catalogue.find("get", "/_matrix/client/v3/rooms/!abc:example.org/state/m.room.name/x");

        assertEquals(
                "GET /_matrix/client/v3/rooms/{roomId}/state/{eventType}/{stateKey}",
                found.orElseThrow().toString());
    }

    @Test
    void findPrefersMoreLiteralSegments() {
        Optional<Endpoint> found = catalogue.find("GET", "/_matrix/client/v3/pushrules/global/?x=1");

        assertEquals(
                "GET /_matrix/client/v3/pushrules/global/", found.orElseThrow().toString());
    }

    @Test
    void findReturnsEmptyForUnknownPath() {
        assertTrue(
                catalogue.find("GET", "/_matrix/client/v3/matrixcors-unknown").isEmpty());
        assertTrue(catalogue.find("DELETE", "/_matrix/client/v3/sync").isEmpty());
    }

    @Test
    void sampleUriKeepsBasePath() {
        Endpoint sync = catalogue.find("GET", "/_matrix/client/v3/sync").orElseThrow();

        assertEquals(
                URI.create("https://example.org/matrix/_matrix/client/v3/sync"),
                sync.sampleUri(URI.create("https://example.org/matrix/")));
    }

    @Test
    void readRejectsMissingHeader() {
        IllegalArgumentException error = assertThrows(
                IllegalArgumentException.class, () -> EndpointCatalogue.read(new StringReader("# only a comment\n")));

        assertEquals(
                "Catalogue has no header row 'method\\tpath_template\\tsample_path\\tgroup\\trequires_auth"
                        + "\\tspec_versions\\toperation_id'",
                error.getMessage());
    }

    @Test
    void readRejectsShortRow() {
        String text = String.join("\t", EndpointCatalogue.COLUMNS) + "\nGET\t/x\n";

        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> EndpointCatalogue.read(new StringReader(text)));

        assertEquals("Catalogue line 2: expected 7 tab-separated cells but found 2 in 'GET\t/x'", error.getMessage());
    }

    @Test
    void readRejectsUnknownGroup() {
        String text = String.join("\t", EndpointCatalogue.COLUMNS) + "\nGET\t/x\t/x\tvoice\tfalse\tv1.19\tgetX\n";

        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> EndpointCatalogue.read(new StringReader(text)));

        assertEquals(
                "Catalogue line 2: Unknown endpoint group 'voice': use one of well-known, auth, sync, rooms, media,"
                        + " account, keys, other",
                error.getMessage());
    }

    @Test
    void readRejectsInvalidRequiresAuth() {
        String text = String.join("\t", EndpointCatalogue.COLUMNS) + "\nGET\t/x\t/x\tother\tyes\tv1.19\tgetX\n";

        IllegalArgumentException error =
                assertThrows(IllegalArgumentException.class, () -> EndpointCatalogue.read(new StringReader(text)));

        assertEquals("Catalogue line 2: requires_auth must be true or false, not 'yes'", error.getMessage());
    }

    @Test
    void groupParsesIdAndConstantName() {
        assertEquals(EndpointGroup.WELL_KNOWN, EndpointGroup.parse("well-known"));
        assertEquals(EndpointGroup.WELL_KNOWN, EndpointGroup.parse("WELL_KNOWN"));
        assertEquals(EndpointGroup.MEDIA, EndpointGroup.parse(" media "));
        assertEquals("well-known", EndpointGroup.WELL_KNOWN.id());
    }

    @Test
    void groupParseRejectsNull() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> EndpointGroup.parse(null));

        assertTrue(error.getMessage().startsWith("Unknown endpoint group 'null': use one of well-known"));
    }
}
