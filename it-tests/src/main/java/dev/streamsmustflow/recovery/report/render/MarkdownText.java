package dev.streamsmustflow.recovery.report.render;

import dev.streamsmustflow.recovery.report.render.ReportDocument.Column;
import dev.streamsmustflow.recovery.report.render.ReportDocument.ColumnStyle;
import dev.streamsmustflow.recovery.report.render.ReportDocument.Section;
import java.util.List;

/** GitHub-flavoured Markdown primitives: text that stays on its line, cells that stay in their column, tables. */
final class MarkdownText {

    private MarkdownText() {
    }

    /** Text on one line: Markdown would otherwise read a line break as the end of the list item. */
    static String inline(String text) {
        return text == null ? "" : text.replace("\r", " ").replace("\n", " ");
    }

    /** A table cell: a pipe would end the cell and a line break the row. */
    static String cell(String text) {
        return inline(text).replace("|", "\\|");
    }

    /** A section: its heading, then its table (or its text for no rows), then its note. */
    static void section(StringBuilder md, Section section) {
        md.append("## ").append(inline(section.title())).append("\n\n");
        if (section.hasRows()) {
            table(md, section);
        } else {
            md.append(inline(section.emptyText())).append('\n');
        }
        if (section.note() != null) {
            md.append('\n').append(inline(section.note())).append('\n');
        }
        md.append('\n');
    }

    private static void table(StringBuilder md, Section section) {
        List<Column> columns = section.table().columns();
        md.append('|');
        columns.forEach(column -> md.append(' ').append(cell(column.header())).append(" |"));
        md.append("\n|");
        columns.forEach(column -> md.append(column.style() == ColumnStyle.NUMBER ? "---:|" : "---|"));
        md.append('\n');
        for (List<String> row : section.table().rows()) {
            md.append('|');
            row.forEach(value -> md.append(' ').append(cell(value)).append(" |"));
            md.append('\n');
        }
    }
}
