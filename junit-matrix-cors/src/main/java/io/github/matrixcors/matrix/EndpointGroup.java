package io.github.matrixcors.matrix;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The part of the Client-Server API an endpoint belongs to, used to select and summarise endpoints. */
public enum EndpointGroup {
    /** Files under {@code /.well-known/matrix/}, served on the server-name host. */
    WELL_KNOWN,
    /** Login, logout, registration, token refresh, password and account deactivation. */
    AUTH,
    /** {@code /sync} and the older event stream endpoints. */
    SYNC,
    /** Room creation, membership, messages, state, receipts and the room directory. */
    ROOMS,
    /** The content repository: legacy {@code /_matrix/media} and authenticated {@code /_matrix/client/v1/media}. */
    MEDIA,
    /** Per-user data: profile, account data, filters, devices, push rules, pushers, tags, presence, third-party IDs. */
    ACCOUNT,
    /** End-to-end encryption: device keys, cross-signing, key backup and to-device messages. */
    KEYS,
    /** Everything else, such as {@code /versions}, capabilities, search and VoIP. */
    OTHER;

    /** Returns the lowercase name used in catalogue files and configuration, for example {@code well-known}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /**
     * Returns the group named {@code text}, accepting the lowercase id ({@code well-known}) as well as the constant name
     * ({@code WELL_KNOWN}).
     *
     * @throws IllegalArgumentException when no group has that name; the message lists the valid names
     */
    public static EndpointGroup parse(String text) {
        if (text != null) {
            String normalized = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
            for (EndpointGroup group : values()) {
                if (group.name().equals(normalized)) {
                    return group;
                }
            }
        }
        String valid = Arrays.stream(values()).map(EndpointGroup::id).collect(Collectors.joining(", "));
        throw new IllegalArgumentException("Unknown endpoint group '" + text + "': use one of " + valid);
    }
}
