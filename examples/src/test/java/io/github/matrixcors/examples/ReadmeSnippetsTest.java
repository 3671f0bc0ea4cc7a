package io.github.matrixcors.examples;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Keeps the README's quick start in step with the example classes: each region between {@code // quick-start: NAME}
 * and {@code // end: NAME} must appear in the README as a Java code block, without its common indentation.
 */
class ReadmeSnippetsTest {

    private static final Path README = Path.of("../README.md");
    private static final Path EXAMPLES = Path.of("src/test/java/io/github/matrixcors/examples");

    @ParameterizedTest(name = "{1} from {0}")
    @CsvSource({
        "NginxCorsComplianceTest.java, annotation",
        "OwnProxyConfigTest.java, own-config",
        "HandWrittenPreflightTest.java, matchers"
    })
    void readmeShowsSnippet(String exampleFile, String region) throws IOException {
        String snippet = region(EXAMPLES.resolve(exampleFile), region);
        String readme = Files.readString(README, StandardCharsets.UTF_8);

        assertTrue(
                readme.contains("```java\n" + snippet + "\n```"),
                "README.md does not show the region '" + region + "' of " + exampleFile
                        + " as a java code block; copy it from there:\n" + snippet);
    }

    static String region(Path file, String name) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        int start = lines.indexOf(indentOf(lines, "// quick-start: " + name) + "// quick-start: " + name);
        int end = lines.indexOf(indentOf(lines, "// end: " + name) + "// end: " + name);
        if (start < 0 || end < start) {
            throw new IllegalArgumentException(
                    file + " has no region marked '// quick-start: " + name + "' ... '// end: " + name + "'");
        }

        List<String> region = new ArrayList<>(lines.subList(start + 1, end));
        while (!region.isEmpty() && region.get(region.size() - 1).isBlank()) {
            region.remove(region.size() - 1);
        }
        int indent = region.stream()
                .filter(line -> !line.isBlank())
                .mapToInt(line -> line.length() - line.stripLeading().length())
                .min()
                .orElse(0);
        return String.join(
                "\n",
                region.stream()
                        .map(line -> line.isBlank() ? "" : line.substring(indent))
                        .toList());
    }

    private static String indentOf(List<String> lines, String marker) {
        return lines.stream()
                .filter(line -> line.strip().equals(marker))
                .findFirst()
                .map(line -> line.substring(0, line.length() - marker.length()))
                .orElse("");
    }
}
