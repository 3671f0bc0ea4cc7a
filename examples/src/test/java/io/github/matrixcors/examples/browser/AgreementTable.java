package io.github.matrixcors.examples.browser;

import java.util.ArrayList;
import java.util.List;

/** Formats agreement rows as a fixed-width text table with one line per call. */
final class AgreementTable {

    private static final String[] HEADINGS = {"target", "variant", "call", "engine", "chromium", "agree"};

    private static final int MAX_REASON_LENGTH = 90;

    private AgreementTable() {}

    static String format(List<AgreementRow> rows) {
        List<String[]> cells = new ArrayList<>();
        cells.add(HEADINGS);
        for (AgreementRow row : rows) {
            cells.add(new String[] {
                row.target(),
                row.variant(),
                row.chromium().call().name(),
                row.engine().summary(),
                row.chromium().allowed() ? row.chromium().summary() : blockedSummary(row.chromium()),
                row.agrees() ? "yes" : "NO"
            });
        }

        int[] widths = new int[HEADINGS.length];
        for (String[] line : cells) {
            for (int column = 0; column < line.length; column++) {
                widths[column] = Math.max(widths[column], line[column].length());
            }
        }

        StringBuilder table = new StringBuilder();
        for (String[] line : cells) {
            for (int column = 0; column < line.length; column++) {
                String cell = line[column];
                table.append(column == line.length - 1 ? cell : String.format("%-" + widths[column] + "s  ", cell));
            }
            table.append('\n');
        }
        long disagreements = rows.stream().filter(row -> !row.agrees()).count();
        table.append(rows.size()).append(" calls, ").append(disagreements).append(" disagreements\n");
        return table.toString();
    }

    // Chromium's TypeError reads only "Failed to fetch", so the table shows the console's CORS reason instead.
    private static String blockedSummary(BrowserOutcome outcome) {
        if (outcome.timedOut()) {
            return "timed out";
        }
        for (String message : outcome.console()) {
            int reason = message.indexOf("blocked by CORS policy: ");
            if (reason >= 0) {
                return "blocked: " + shorten(message.substring(reason + "blocked by CORS policy: ".length()));
            }
        }
        return "blocked (" + outcome.error() + ")";
    }

    private static String shorten(String reason) {
        return reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH - 3) + "...";
    }
}
