package io.github.matrixcors.cors;

import io.github.matrixcors.http.Hop;
import java.net.URI;
import java.util.List;
import java.util.stream.Collectors;

/** Wording shared by the findings: quoted values, and which response of which request a finding is about. */
final class Describe {

    private Describe() {}

    /**
     * Returns {@code value} in double quotes with control characters, DEL, non-ASCII characters, quotes and
     * backslashes escaped as {@code \xNN}, or {@code absent} for {@code null}.
     */
    static String quote(String value) {
        if (value == null) {
            return "absent";
        }
        StringBuilder quoted = new StringBuilder("\"");
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c < 0x20 || c >= 0x7f || c == '"' || c == '\\') {
                quoted.append(String.format("\\x%02X", (int) c & 0xff));
            } else {
                quoted.append(c);
            }
        }
        return quoted.append('"').toString();
    }

    /** Returns every value quoted and comma-separated, for example {@code "*", "*"}. */
    static String quoteAll(List<String> values) {
        return values.stream().map(Describe::quote).collect(Collectors.joining(", "));
    }

    /** Returns the method and path of the hop's request, with the full URL when the hop left the first origin. */
    static String target(Hop hop, boolean fullUrl) {
        URI uri = hop.request().uri();
        String where;
        if (fullUrl) {
            where = uri.toString();
        } else {
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            where = uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        }
        return hop.request().method() + " " + where;
    }

    /** Returns, for example, {@code the 404 response to GET /_matrix/client/v3/sync}. */
    static String response(Hop hop, boolean fullUrl) {
        return "the " + hop.status() + " response to " + target(hop, fullUrl);
    }

    /** Returns, for example, {@code the 302 redirect of GET /.well-known/matrix/client to https://...}. */
    static String redirect(Hop hop, boolean fullUrl) {
        String to = hop.location()
                .map(URI::toString)
                .orElse(quote(hop.values("Location").stream().findFirst().orElse(null)));
        return "the " + hop.status() + " redirect of " + target(hop, fullUrl) + " to " + to;
    }

    /** Returns, for example, {@code the preflight response (204) to OPTIONS /_matrix/client/v3/sync}. */
    static String preflight(Hop hop) {
        return "the " + hop.status() + " preflight response to " + target(hop, false);
    }
}
