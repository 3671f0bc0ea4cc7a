package io.github.matrixcors;

import java.util.Objects;

/**
 * An account on a homeserver, with the access token that authenticated requests send as {@code Authorization: Bearer}.
 *
 * @param userId the full Matrix user id, for example {@code @alice:localhost}
 * @param accessToken the access token; {@link #toString()} never shows it
 * @param deviceId the device the token belongs to, or {@code null} when the server did not say
 */
public record MatrixAccount(String userId, String accessToken, String deviceId) {

    public MatrixAccount {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(accessToken, "accessToken");
    }

    @Override
    public String toString() {
        return "MatrixAccount[userId=" + userId + ", deviceId=" + deviceId + ", accessToken=<hidden>]";
    }
}
