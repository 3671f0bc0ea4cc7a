package io.github.matrixcors.matrix;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The endpoints of the Matrix Client-Server API, read from a tab-separated catalogue file.
 *
 * <p>{@link #standard()} returns the catalogue bundled with the library, generated from the OpenAPI data of the Matrix
 * specification (client-server API, legacy and authenticated media, and the {@code /.well-known/matrix/} files). The
 * file states which specification versions it was generated from; {@link #specVersions()} returns them.
 */
public final class EndpointCatalogue {

    /** The column names, in order, of the header row of a catalogue file. */
    public static final List<String> COLUMNS = List.of(
            "method", "path_template", "sample_path", "group", "requires_auth", "spec_versions", "operation_id");

    /** The comment line that names the specification versions, followed by them separated by spaces. */
    public static final String SPEC_VERSIONS_PREFIX = "# spec-versions:";

    private static final String STANDARD_RESOURCE = "endpoints.tsv";

    private final List<String> specVersions;
    private final List<Endpoint> endpoints;

    private EndpointCatalogue(List<String> specVersions, List<Endpoint> endpoints) {
        this.specVersions = List.copyOf(specVersions);
        this.endpoints = List.copyOf(endpoints);
    }

    /** Returns the catalogue bundled with the library. */
    public static EndpointCatalogue standard() {
        return StandardHolder.INSTANCE;
    }

    /** Returns a catalogue of the given endpoints, for checks of a hand-picked or filtered set. */
    public static EndpointCatalogue of(List<String> specVersions, List<Endpoint> endpoints) {
        return new EndpointCatalogue(specVersions, endpoints);
    }

    /**
     * Reads a catalogue file: comment lines start with {@code #}, then a header row with {@link #COLUMNS}, then one
     * endpoint per row.
     *
     * @throws IllegalArgumentException when a row is malformed; the message names the line number and the problem
     */
    public static EndpointCatalogue read(Reader reader) throws IOException {
        BufferedReader lines = new BufferedReader(reader);
        List<String> versions = List.of();
        List<Endpoint> endpoints = new ArrayList<>();
        boolean headerSeen = false;
        int lineNumber = 0;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNumber++;
            if (line.startsWith(SPEC_VERSIONS_PREFIX)) {
                versions = splitOn(line.substring(SPEC_VERSIONS_PREFIX.length()).trim(), " ");
            } else if (line.startsWith("#") || line.isBlank()) {
                continue;
            } else if (!headerSeen) {
                if (!splitOn(line, "\t").equals(COLUMNS)) {
                    throw new IllegalArgumentException("Catalogue line " + lineNumber + ": expected the header row '"
                            + String.join("\\t", COLUMNS) + "' but found '" + line + "'");
                }
                headerSeen = true;
            } else {
                endpoints.add(parseRow(line, lineNumber));
            }
        }
        if (!headerSeen) {
            throw new IllegalArgumentException("Catalogue has no header row '" + String.join("\\t", COLUMNS) + "'");
        }
        return new EndpointCatalogue(versions, endpoints);
    }

    /** Returns the specification versions the catalogue was generated from, oldest first. */
    public List<String> specVersions() {
        return specVersions;
    }

    /** Returns the newest specification version the catalogue was generated from, for example {@code v1.19}. */
    public String specVersion() {
        return specVersions.isEmpty() ? "" : specVersions.get(specVersions.size() - 1);
    }

    /** Returns every endpoint in file order, which the bundled catalogue sorts by path template and then by method. */
    public List<Endpoint> endpoints() {
        return endpoints;
    }

    /** Returns the endpoints of one group. */
    public List<Endpoint> group(EndpointGroup group) {
        Objects.requireNonNull(group, "group");
        return filter(endpoint -> endpoint.group() == group);
    }

    /** Returns the endpoints that match {@code condition}, in catalogue order. */
    public List<Endpoint> filter(Predicate<Endpoint> condition) {
        return endpoints.stream().filter(condition).toList();
    }

    /**
     * Finds the endpoint that serves {@code method} on {@code path}. The path is either a template as listed
     * ({@code /_matrix/client/v3/rooms/{roomId}/join}) or a concrete path ({@code /_matrix/client/v3/rooms/!a:b/join}),
     * where each {@code {parameter}} matches one non-empty segment. When several templates match, the one with more
     * literal segments wins. A query string is ignored.
     */
    public Optional<Endpoint> find(String method, String path) {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        String withoutQuery = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        String[] segments = withoutQuery.split("/", -1);
        return endpoints.stream()
                .filter(endpoint -> endpoint.method().equalsIgnoreCase(method))
                .filter(endpoint -> matches(endpoint.pathTemplate(), segments))
                .max(Comparator.comparingInt(endpoint -> literalSegments(endpoint.pathTemplate())));
    }

    @Override
    public String toString() {
        return "EndpointCatalogue(" + endpoints.size() + " endpoints, spec " + String.join(", ", specVersions) + ")";
    }

    private static boolean matches(String template, String[] pathSegments) {
        String[] templateSegments = template.split("/", -1);
        if (templateSegments.length != pathSegments.length) {
            return false;
        }
        for (int i = 0; i < templateSegments.length; i++) {
            String expected = templateSegments[i];
            boolean parameter = expected.startsWith("{") && expected.endsWith("}");
            if (parameter ? pathSegments[i].isEmpty() : !expected.equals(pathSegments[i])) {
                return false;
            }
        }
        return true;
    }

    private static int literalSegments(String template) {
        return (int) Arrays.stream(template.split("/"))
                .filter(segment -> !segment.startsWith("{"))
                .count();
    }

    private static Endpoint parseRow(String line, int lineNumber) {
        List<String> cells = splitOn(line, "\t");
        if (cells.size() != COLUMNS.size()) {
            throw new IllegalArgumentException("Catalogue line " + lineNumber + ": expected " + COLUMNS.size()
                    + " tab-separated cells but found " + cells.size() + " in '" + line + "'");
        }
        String requiresAuth = cells.get(4);
        if (!requiresAuth.equals("true") && !requiresAuth.equals("false")) {
            throw new IllegalArgumentException("Catalogue line " + lineNumber + ": requires_auth must be true or false,"
                    + " not '" + requiresAuth + "'");
        }
        try {
            return new Endpoint(
                    cells.get(0),
                    cells.get(1),
                    cells.get(2),
                    EndpointGroup.parse(cells.get(3)),
                    Boolean.parseBoolean(requiresAuth),
                    splitOn(cells.get(5), ","),
                    cells.get(6));
        } catch (IllegalArgumentException invalid) {
            throw new IllegalArgumentException("Catalogue line " + lineNumber + ": " + invalid.getMessage(), invalid);
        }
    }

    private static List<String> splitOn(String text, String separator) {
        return text.isEmpty() ? List.of() : List.of(text.split(separator, -1));
    }

    /** Loads the bundled catalogue once, on first use. */
    private static final class StandardHolder {
        static final EndpointCatalogue INSTANCE = load();

        private static EndpointCatalogue load() {
            try (InputStream in = EndpointCatalogue.class.getResourceAsStream(STANDARD_RESOURCE)) {
                if (in == null) {
                    throw new IllegalStateException("The bundled endpoint catalogue " + STANDARD_RESOURCE
                            + " is missing from the class path next to " + EndpointCatalogue.class.getName()
                            + "; rebuild junit-matrix-cors");
                }
                return read(new InputStreamReader(in, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException("Failed to read the bundled endpoint catalogue " + STANDARD_RESOURCE, e);
            }
        }
    }
}
