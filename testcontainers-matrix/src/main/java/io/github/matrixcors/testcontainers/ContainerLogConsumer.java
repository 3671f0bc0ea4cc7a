package io.github.matrixcors.testcontainers;

import java.util.Locale;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.testcontainers.containers.output.OutputFrame;

/**
 * Streams a container's output to SLF4J line by line. Servers write all their logging to standard error, so the level
 * comes from the line itself: lines that name an error go to ERROR, warnings to WARN, everything else to DEBUG.
 */
final class ContainerLogConsumer implements Consumer<OutputFrame> {

    private final Logger logger;

    private final String prefix;

    ContainerLogConsumer(Logger logger, String prefix) {
        this.logger = logger;
        this.prefix = prefix;
    }

    @Override
    public void accept(OutputFrame frame) {
        if (frame.getType() == OutputFrame.OutputType.END) {
            return;
        }
        String line = frame.getUtf8StringWithoutLineEnding();
        if (line.isBlank()) {
            return;
        }
        String lower = line.toLowerCase(Locale.ROOT);
        if (lower.contains(" - error - ")
                || lower.contains(" - critical - ")
                || lower.contains("[emerg]")
                || lower.contains("[crit]")
                || lower.contains("\"level\":\"error\"")
                || lower.contains(":error]")
                || lower.contains("[error]")) {
            logger.error("{}{}", prefix, line);
        } else if (lower.contains(" - warning - ")
                || lower.contains("[warn]")
                || lower.contains(":warn]")
                || lower.contains("\"level\":\"warn\"")) {
            logger.warn("{}{}", prefix, line);
        } else {
            logger.debug("{}{}", prefix, line);
        }
    }
}
