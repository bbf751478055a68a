package dev.streamsmustflow.recovery.report;

import java.util.List;

/**
 * {@code report.md}: GitHub-flavoured Markdown that reads well as a GitHub job summary — title,
 * conclusion, a table of recovery phases per processing guarantee, the fitted restore lines and the
 * environment.
 */
final class MarkdownReport {

    /** What the phase columns measure, so that a table can be read without DESIGN.md. */
    static final String PHASE_LEGEND = "Medians over the runs in ms, with (min–max) when a group ran more than once."
            + " Termination: fault → old process gone; start: → replacement started; rebalance: → tasks assigned;"
            + " restore: first restore start → last restore end; catch-up: ready → committed offsets at the input's end;"
            + " to ready / to caught-up: from the fault; output gap: the longest time a symbol had no output update"
            + " across the fault.";

    private MarkdownReport() {
    }

    static String render(RecoveryReport report) {
        StringBuilder md = new StringBuilder();
        Environment environment = report.environment();
        md.append("# ").append(inline(report.title())).append("\n\n");
        md.append('_').append(inline(String.valueOf(environment.when()))).append(" · Kafka ")
                .append(inline(environment.kafkaVersion())).append(" · app ").append(inline(environment.appVersion()))
                .append(" · ").append(report.groups().size()).append(" groups · schema `").append(report.schema())
                .append("`_\n\n");
        md.append("## Conclusion\n\n");
        report.conclusion().forEach(sentence -> md.append("- ").append(inline(sentence)).append('\n'));
        md.append('\n');
        for (ReportTables.Table table : ReportTables.phases(report)) {
            md.append("## Recovery phases: ").append(inline(table.title())).append("\n\n");
            table(md, table);
            md.append('\n');
        }
        md.append(PHASE_LEGEND).append("\n\n");
        ReportTables.Table lines = ReportTables.restoreLines(report);
        md.append("## ").append(lines.title()).append("\n\n");
        if (lines.rows().isEmpty()) {
            md.append("Too few different state sizes to fit a line.\n\n");
        } else {
            table(md, lines);
            md.append("\nrestore ms ≈ intercept + ms per million records × records restored / 1,000,000.\n\n");
        }
        md.append("## Environment\n\n");
        table(md, ReportTables.environment(report));
        return md.toString();
    }

    private static void table(StringBuilder md, ReportTables.Table table) {
        md.append('|');
        table.headers().forEach(header -> md.append(' ').append(cell(header)).append(" |"));
        md.append("\n|");
        table.numeric().forEach(numeric -> md.append(numeric ? "---:|" : "---|"));
        md.append('\n');
        for (List<String> row : table.rows()) {
            md.append('|');
            row.forEach(value -> md.append(' ').append(cell(value)).append(" |"));
            md.append('\n');
        }
    }

    /** A table cell: a pipe would end the cell and a line break the row. */
    static String cell(String text) {
        return inline(text).replace("|", "\\|");
    }

    /** Text on one line: Markdown would otherwise read a line break as the end of the list item. */
    static String inline(String text) {
        return text == null ? "" : text.replace("\r", " ").replace("\n", " ");
    }
}
