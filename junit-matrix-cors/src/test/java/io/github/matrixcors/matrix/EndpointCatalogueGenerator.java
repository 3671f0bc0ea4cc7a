package io.github.matrixcors.matrix;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * Generates the bundled endpoint catalogue from the Matrix specification's OpenAPI files.
 *
 * <p>It reads every {@code matrix-spec-v*} folder under {@code src/spec} (each holds the top-level files of
 * {@code data/api/client-server} at one release tag, and a {@code SOURCE.md} naming the commit), prefixes each path with
 * the file's {@code servers[0].variables.basePath.default} ({@code /_matrix/client/v3}, {@code /_matrix/client/v1},
 * {@code /_matrix/client}, {@code /_matrix} for legacy media or {@code /.well-known}), and merges the versions: a row
 * lists every version that contains the method and path, and takes its other cells from the newest one.
 *
 * <p>Run it through {@code EndpointCatalogueGeneratorTest} with {@code -Dmatrixcors.catalogue.write=true}, or through
 * {@link #main} from the {@code junit-matrix-cors} folder.
 */
final class EndpointCatalogueGenerator {

    static final Path SPEC_ROOT = Path.of("src/spec");
    static final Path OUTPUT = Path.of("src/main/resources/io/github/matrixcors/matrix/endpoints.tsv");
    static final String REGENERATE_COMMAND = "mvn -B -q -pl junit-matrix-cors test"
            + " -Dtest=EndpointCatalogueGeneratorTest -Dmatrixcors.catalogue.write=true";

    private static final List<String> METHODS = List.of("get", "head", "post", "put", "delete", "patch", "options");
    private static final Pattern COMMIT = Pattern.compile("commit ([0-9a-f]{40})");
    private static final Pattern PARAMETER = Pattern.compile("\\{([^}]+)}");

    private EndpointCatalogueGenerator() {}

    /** Writes the catalogue generated from {@link #SPEC_ROOT} to {@link #OUTPUT}, relative to the working directory. */
    public static void main(String[] args) throws IOException {
        Files.writeString(OUTPUT, generate(SPEC_ROOT), StandardCharsets.UTF_8);
        System.out.println("Wrote " + OUTPUT.toAbsolutePath());
    }

    /** Returns the catalogue file's text for the specification folders under {@code specRoot}. */
    static String generate(Path specRoot) throws IOException {
        List<Path> versionFolders = versionFolders(specRoot);
        Map<String, Row> rows = new TreeMap<>();
        List<String> sources = new ArrayList<>();
        List<String> versions = new ArrayList<>();
        for (Path folder : versionFolders) {
            String version = folder.getFileName().toString().substring("matrix-spec-".length());
            versions.add(version);
            sources.add(version + " (commit " + commitOf(folder) + ")");
            for (Path file : yamlFiles(folder.resolve("client-server"))) {
                addOperations(file, version, rows);
            }
        }
        return render(versions, sources, rows.values());
    }

    private static void addOperations(Path file, String version, Map<String, Row> rows) throws IOException {
        Map<String, Object> document = load(file);
        String basePath = basePath(file, document);
        EndpointGroup group = SpecFileGroups.groupOf(file.getFileName().toString());
        Object topLevelSecurity = document.get("security");
        Map<String, Object> paths = map(document.get("paths"), file, "paths");
        for (Map.Entry<String, Object> path : paths.entrySet()) {
            // The specification repeats a path in a second file by adding a trailing space to the key.
            String template = basePath + path.getKey().trim();
            Map<String, Object> operations = map(path.getValue(), file, "paths." + path.getKey());
            for (String method : METHODS) {
                if (operations.containsKey(method)) {
                    Map<String, Object> operation = map(operations.get(method), file, path.getKey() + "." + method);
                    Object security = operation.containsKey("security") ? operation.get("security") : topLevelSecurity;
                    String upperMethod = method.toUpperCase(Locale.ROOT);
                    Row row = rows.computeIfAbsent(template + " " + upperMethod, key -> new Row(upperMethod, template));
                    row.add(version, group, requiresAccessToken(security), operation.get("operationId"));
                }
            }
        }
    }

    /**
     * Returns whether every alternative of an OpenAPI {@code security} list needs an access token. An empty
     * alternative ({@code - {}}) makes authentication optional, as on {@code /versions}; a missing list means none.
     */
    static boolean requiresAccessToken(Object security) {
        if (!(security instanceof List<?> alternatives) || alternatives.isEmpty()) {
            return false;
        }
        for (Object alternative : alternatives) {
            if (!(alternative instanceof Map<?, ?> schemes) || schemes.isEmpty()) {
                return false;
            }
            boolean token = schemes.keySet().stream()
                    .anyMatch(name -> name.toString().toLowerCase(Locale.ROOT).contains("accesstoken"));
            if (!token) {
                return false;
            }
        }
        return true;
    }

    /** Fills each {@code {parameter}} of a path template with its placeholder, percent-encoded. */
    static String samplePath(String template) {
        Matcher parameters = PARAMETER.matcher(template);
        StringBuilder sample = new StringBuilder();
        while (parameters.find()) {
            String value = SamplePathValues.encodedValueOf(parameters.group(1), template);
            parameters.appendReplacement(sample, Matcher.quoteReplacement(value));
        }
        parameters.appendTail(sample);
        return sample.toString();
    }

    private static String render(List<String> versions, List<String> sources, Iterable<Row> rows) {
        StringBuilder text = new StringBuilder();
        text.append("# Endpoints of the Matrix Client-Server API: one method on one path per row.\n");
        text.append("# Generated by EndpointCatalogueGenerator (junit-matrix-cors test sources) from the OpenAPI\n");
        text.append("# files in junit-matrix-cors/src/spec: matrix-org/matrix-spec data/api/client-server at\n");
        text.append("# ").append(String.join(" and ", sources)).append(".\n");
        text.append(
                "# sample_path fills each path parameter with a placeholder that names nothing on a real server.\n");
        text.append("# Do not edit by hand; regenerate with:\n");
        text.append("#   ").append(REGENERATE_COMMAND).append('\n');
        text.append(EndpointCatalogue.SPEC_VERSIONS_PREFIX)
                .append(' ')
                .append(String.join(" ", versions))
                .append('\n');
        text.append(String.join("\t", EndpointCatalogue.COLUMNS)).append('\n');
        for (Row row : rows) {
            text.append(String.join(
                            "\t",
                            row.method,
                            row.template,
                            samplePath(row.template),
                            row.group.id(),
                            Boolean.toString(row.requiresAuth),
                            String.join(",", row.versions),
                            String.join(",", row.operationIds)))
                    .append('\n');
        }
        return text.toString();
    }

    private static List<Path> versionFolders(Path specRoot) throws IOException {
        if (!Files.isDirectory(specRoot)) {
            throw new IllegalStateException("Specification folder " + specRoot.toAbsolutePath()
                    + " not found; run the generator from the junit-matrix-cors folder");
        }
        try (Stream<Path> children = Files.list(specRoot)) {
            List<Path> folders = children.filter(Files::isDirectory)
                    .filter(path -> path.getFileName().toString().startsWith("matrix-spec-v"))
                    .sorted(Comparator.comparing(EndpointCatalogueGenerator::versionKey))
                    .toList();
            if (folders.isEmpty()) {
                throw new IllegalStateException("No matrix-spec-v* folder in " + specRoot.toAbsolutePath());
            }
            return folders;
        }
    }

    // "matrix-spec-v1.9" sorts before "matrix-spec-v1.16": compare the numbers, zero-padded.
    private static String versionKey(Path folder) {
        String version = folder.getFileName().toString().substring("matrix-spec-v".length());
        StringBuilder key = new StringBuilder();
        for (String part : version.split("\\.")) {
            key.append(String.format("%6s", part).replace(' ', '0')).append('.');
        }
        return key.toString();
    }

    private static List<Path> yamlFiles(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(path -> path.toString().endsWith(".yaml"))
                    .sorted()
                    .toList();
        }
    }

    private static String commitOf(Path folder) throws IOException {
        Path source = folder.resolve("SOURCE.md");
        Matcher commit = COMMIT.matcher(Files.readString(source, StandardCharsets.UTF_8));
        if (!commit.find()) {
            throw new IllegalStateException(source + " names no 'commit <40 hex digits>'");
        }
        return commit.group(1).substring(0, 12);
    }

    private static Map<String, Object> load(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            Object document = new Load(LoadSettings.builder().build()).loadFromInputStream(in);
            return map(document, file, "the document");
        }
    }

    private static String basePath(Path file, Map<String, Object> document) {
        Object servers = document.get("servers");
        if (servers instanceof List<?> list && !list.isEmpty()) {
            Map<String, Object> server = map(list.get(0), file, "servers[0]");
            Map<String, Object> variables = map(server.get("variables"), file, "servers[0].variables");
            Map<String, Object> basePath = map(variables.get("basePath"), file, "servers[0].variables.basePath");
            Object value = basePath.get("default");
            if (value != null) {
                return value.toString();
            }
        }
        throw new IllegalStateException(file + " declares no servers[0].variables.basePath.default");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node, Path file, String where) {
        if (node instanceof Map<?, ?> map) {
            return (Map<String, Object>) map;
        }
        throw new IllegalStateException(file + ": expected a mapping at " + where + " but found " + node);
    }

    /**
     * One catalogue row while the versions are merged. The newest version sets the group, the authentication and the
     * operation ids. When two files of one version define the same method and path, their operation ids are combined.
     */
    private static final class Row {
        final String method;
        final String template;
        final List<String> versions = new ArrayList<>();
        final Set<String> operationIds = new TreeSet<>();
        EndpointGroup group;
        boolean requiresAuth;

        Row(String method, String template) {
            this.method = method;
            this.template = template;
        }

        void add(String version, EndpointGroup fileGroup, boolean fileRequiresAuth, Object operationId) {
            if (versions.isEmpty() || !versions.get(versions.size() - 1).equals(version)) {
                versions.add(version);
                operationIds.clear();
                requiresAuth = false;
            }
            group = fileGroup;
            requiresAuth |= fileRequiresAuth;
            if (operationId != null) {
                operationIds.add(operationId.toString());
            }
        }
    }
}
