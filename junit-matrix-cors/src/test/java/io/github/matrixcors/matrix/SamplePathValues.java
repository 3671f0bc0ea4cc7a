package io.github.matrixcors.matrix;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * Placeholder values for the path parameters of the Client-Server API. Each names something that does not exist on a
 * real server (a room, user or media id under {@code localhost}, a {@code matrixcors} transaction), so a request that
 * gets past authentication still changes nothing.
 */
final class SamplePathValues {

    private static final Map<String, String> VALUES = Map.ofEntries(
            Map.entry("appserviceId", "matrixcors"),
            Map.entry("deviceId", "MATRIXCORS"),
            Map.entry("eventId", "$matrixcors"),
            Map.entry("eventType", "m.room.message"),
            Map.entry("fileName", "matrixcors.txt"),
            Map.entry("filterId", "matrixcors"),
            Map.entry("idpId", "matrixcors"),
            Map.entry("keyName", "displayname"),
            Map.entry("kind", "override"),
            Map.entry("mediaId", "matrixcors-nonexistent"),
            Map.entry("networkId", "matrixcors"),
            Map.entry("protocol", "matrixcors"),
            Map.entry("receiptType", "m.read"),
            Map.entry("relType", "m.reference"),
            Map.entry("roomAlias", "#matrixcors:localhost"),
            Map.entry("roomId", "!matrixcors:localhost"),
            Map.entry("roomIdOrAlias", "!matrixcors:localhost"),
            Map.entry("ruleId", "matrixcors"),
            Map.entry("serverName", "localhost"),
            Map.entry("sessionId", "matrixcors"),
            Map.entry("stateKey", "matrixcors"),
            Map.entry("tag", "u.matrixcors"),
            Map.entry("txnId", "matrixcors-txn"),
            Map.entry("type", "io.github.matrixcors.test"),
            Map.entry("userId", "@matrixcors:localhost"),
            Map.entry("version", "1"));

    private SamplePathValues() {}

    /**
     * Returns the placeholder for {@code parameter}, percent-encoded as JavaScript's {@code encodeURIComponent} does,
     * which is how web clients such as matrix-js-sdk build paths.
     *
     * @throws IllegalStateException for a parameter new in a specification version, so that someone picks a value
     */
    static String encodedValueOf(String parameter, String template) {
        String value = VALUES.get(parameter);
        if (value == null) {
            throw new IllegalStateException("No placeholder for the path parameter {" + parameter + "} of " + template
                    + "; add one to " + SamplePathValues.class.getSimpleName());
        }
        return encodeUriComponent(value);
    }

    /** Percent-encodes every byte except the characters {@code encodeURIComponent} leaves alone. */
    static String encodeUriComponent(String value) {
        StringBuilder encoded = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            boolean unreserved = (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "-_.!~*'()".indexOf(c) >= 0;
            if (unreserved) {
                encoded.append(c);
            } else {
                encoded.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return encoded.toString();
    }
}
