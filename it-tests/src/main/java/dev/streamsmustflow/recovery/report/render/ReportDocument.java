package dev.streamsmustflow.recovery.report.render;

import java.util.List;

/**
 * A report as data, built once from the model: its title, its conclusion and its sections of tables
 * and notes, every cell already text. Each format renders this, knowing nothing of the others.
 *
 * @param reportJson the report as JSON: the data of report.json, and of the charts of a format that draws them
 */
public record ReportDocument(String title, String subtitle, List<String> conclusion, List<Section> sections,
        String reportJson) {

    /** What a section shows: a format may render only some kinds (a job summary skips the environment). */
    public enum SectionKind { PHASES, BACKLOG, RESTORE_LINES, ENVIRONMENT }

    /**
     * A titled table, or {@code emptyText} where it has no row, followed by an optional note.
     *
     * @param note text after the table, or null
     */
    public record Section(SectionKind kind, String title, Table table, String emptyText, String note) {

        public boolean hasRows() {
            return !table.rows().isEmpty();
        }
    }

    /** What a column holds, so that a format can align and colour it. */
    public enum ColumnStyle { TEXT, NUMBER, VERDICT }

    public record Column(String header, ColumnStyle style) {
    }

    public record Table(List<Column> columns, List<List<String>> rows) {
    }

    public List<Section> sections(SectionKind kind) {
        return sections.stream().filter(section -> section.kind() == kind).toList();
    }
}
