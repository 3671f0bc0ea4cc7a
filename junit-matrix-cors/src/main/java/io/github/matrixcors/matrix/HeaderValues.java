package io.github.matrixcors.matrix;

import io.github.matrixcors.http.Hop;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads CORS response headers the way the Fetch Standard combines them: all lines of a name joined by ", ". */
final class HeaderValues {

    private HeaderValues() {}

    /** Returns the combined value of every line named {@code name}, or empty when there is none. */
    static Optional<String> combined(Hop hop, String name) {
        List<String> values = hop.values(name);
        return values.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", values));
    }

    /** Returns the comma-separated items of every line named {@code name}, trimmed, without empty items. */
    static List<String> items(Hop hop, String name) {
        List<String> items = new ArrayList<>();
        for (String value : hop.values(name)) {
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.trim());
                }
            }
        }
        return items;
    }

    /** Returns whether {@code items} contains {@code wanted}, ignoring ASCII case as header names are compared. */
    static boolean containsIgnoringCase(List<String> items, String wanted) {
        return items.stream().anyMatch(item -> item.equalsIgnoreCase(wanted));
    }

    /** Returns the path and query of the hop's request, for messages. */
    static String pathOf(Hop hop) {
        String path = hop.request().uri().getRawPath();
        String query = hop.request().uri().getRawQuery();
        return query == null ? path : path + "?" + query;
    }

    /** Returns the status code and reason phrase, for example {@code 404 Not Found}. */
    static String statusOf(Hop hop) {
        return hop.reasonPhrase().isEmpty() ? Integer.toString(hop.status()) : hop.status() + " " + hop.reasonPhrase();
    }
}
