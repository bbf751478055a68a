package dev.streamsmustflow.recovery.report.render;

/**
 * {@code report.md}: the whole report as GitHub-flavoured Markdown — title, conclusion, every table
 * and note.
 */
final class MarkdownRenderer {

    private MarkdownRenderer() {
    }

    static String render(ReportDocument document) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(MarkdownText.inline(document.title())).append("\n\n");
        md.append('_').append(MarkdownText.inline(document.subtitle())).append("_\n\n");
        md.append("## Conclusion\n\n");
        document.conclusion().forEach(sentence -> md.append("- ").append(MarkdownText.inline(sentence)).append('\n'));
        md.append('\n');
        document.sections().forEach(section -> MarkdownText.section(md, section));
        return md.toString();
    }
}
