package io.github.matrixcors.matrix;

import java.util.Map;

/** The endpoint group of each OpenAPI file of the Client-Server API, by file name. */
final class SpecFileGroups {

    private static final Map<String, EndpointGroup> GROUPS = Map.ofEntries(
            Map.entry("wellknown.yaml", EndpointGroup.WELL_KNOWN),
            Map.entry("support.yaml", EndpointGroup.WELL_KNOWN),
            Map.entry("policy_server.yaml", EndpointGroup.WELL_KNOWN),
            Map.entry("login.yaml", EndpointGroup.AUTH),
            Map.entry("logout.yaml", EndpointGroup.AUTH),
            Map.entry("registration.yaml", EndpointGroup.AUTH),
            Map.entry("registration_tokens.yaml", EndpointGroup.AUTH),
            Map.entry("refresh.yaml", EndpointGroup.AUTH),
            Map.entry("password_management.yaml", EndpointGroup.AUTH),
            Map.entry("account_deactivation.yaml", EndpointGroup.AUTH),
            Map.entry("login_token.yaml", EndpointGroup.AUTH),
            Map.entry("sso_login_redirect.yaml", EndpointGroup.AUTH),
            Map.entry("oauth_server_metadata.yaml", EndpointGroup.AUTH),
            Map.entry("whoami.yaml", EndpointGroup.AUTH),
            Map.entry("sync.yaml", EndpointGroup.SYNC),
            Map.entry("old_sync.yaml", EndpointGroup.SYNC),
            Map.entry("peeking_events.yaml", EndpointGroup.SYNC),
            Map.entry("room_initial_sync.yaml", EndpointGroup.SYNC),
            Map.entry("create_room.yaml", EndpointGroup.ROOMS),
            Map.entry("rooms.yaml", EndpointGroup.ROOMS),
            Map.entry("room_send.yaml", EndpointGroup.ROOMS),
            Map.entry("room_state.yaml", EndpointGroup.ROOMS),
            Map.entry("room_summary.yaml", EndpointGroup.ROOMS),
            Map.entry("room_upgrades.yaml", EndpointGroup.ROOMS),
            Map.entry("room_event_by_timestamp.yaml", EndpointGroup.ROOMS),
            Map.entry("event_context.yaml", EndpointGroup.ROOMS),
            Map.entry("message_pagination.yaml", EndpointGroup.ROOMS),
            Map.entry("relations.yaml", EndpointGroup.ROOMS),
            Map.entry("threads_list.yaml", EndpointGroup.ROOMS),
            Map.entry("redaction.yaml", EndpointGroup.ROOMS),
            Map.entry("receipts.yaml", EndpointGroup.ROOMS),
            Map.entry("read_markers.yaml", EndpointGroup.ROOMS),
            Map.entry("typing.yaml", EndpointGroup.ROOMS),
            Map.entry("joining.yaml", EndpointGroup.ROOMS),
            Map.entry("leaving.yaml", EndpointGroup.ROOMS),
            Map.entry("inviting.yaml", EndpointGroup.ROOMS),
            Map.entry("knocking.yaml", EndpointGroup.ROOMS),
            Map.entry("kicking.yaml", EndpointGroup.ROOMS),
            Map.entry("banning.yaml", EndpointGroup.ROOMS),
            Map.entry("third_party_membership.yaml", EndpointGroup.ROOMS),
            Map.entry("list_joined_rooms.yaml", EndpointGroup.ROOMS),
            Map.entry("list_public_rooms.yaml", EndpointGroup.ROOMS),
            Map.entry("directory.yaml", EndpointGroup.ROOMS),
            Map.entry("space_hierarchy.yaml", EndpointGroup.ROOMS),
            Map.entry("mutual_rooms.yaml", EndpointGroup.ROOMS),
            Map.entry("report_content.yaml", EndpointGroup.ROOMS),
            Map.entry("content-repo.yaml", EndpointGroup.MEDIA),
            Map.entry("authed-content-repo.yaml", EndpointGroup.MEDIA),
            Map.entry("profile.yaml", EndpointGroup.ACCOUNT),
            Map.entry("account-data.yaml", EndpointGroup.ACCOUNT),
            Map.entry("filter.yaml", EndpointGroup.ACCOUNT),
            Map.entry("device_management.yaml", EndpointGroup.ACCOUNT),
            Map.entry("pushrules.yaml", EndpointGroup.ACCOUNT),
            Map.entry("pusher.yaml", EndpointGroup.ACCOUNT),
            Map.entry("tags.yaml", EndpointGroup.ACCOUNT),
            Map.entry("presence.yaml", EndpointGroup.ACCOUNT),
            Map.entry("administrative_contact.yaml", EndpointGroup.ACCOUNT),
            Map.entry("keys.yaml", EndpointGroup.KEYS),
            Map.entry("cross_signing.yaml", EndpointGroup.KEYS),
            Map.entry("key_backup.yaml", EndpointGroup.KEYS),
            Map.entry("to_device.yaml", EndpointGroup.KEYS),
            Map.entry("versions.yaml", EndpointGroup.OTHER),
            Map.entry("capabilities.yaml", EndpointGroup.OTHER),
            Map.entry("admin.yaml", EndpointGroup.OTHER),
            Map.entry("voip.yaml", EndpointGroup.OTHER),
            Map.entry("search.yaml", EndpointGroup.OTHER),
            Map.entry("notifications.yaml", EndpointGroup.OTHER),
            Map.entry("users.yaml", EndpointGroup.OTHER),
            Map.entry("openid.yaml", EndpointGroup.OTHER),
            Map.entry("third_party_lookup.yaml", EndpointGroup.OTHER),
            Map.entry("appservice_ping.yaml", EndpointGroup.OTHER),
            Map.entry("appservice_room_directory.yaml", EndpointGroup.OTHER));

    private SpecFileGroups() {}

    /**
     * Returns the group of the endpoints in {@code fileName}.
     *
     * @throws IllegalStateException for a file new in a specification version, so that someone picks its group
     */
    static EndpointGroup groupOf(String fileName) {
        EndpointGroup group = GROUPS.get(fileName);
        if (group == null) {
            throw new IllegalStateException("No endpoint group for the specification file " + fileName + "; add it to "
                    + SpecFileGroups.class.getSimpleName());
        }
        return group;
    }
}
