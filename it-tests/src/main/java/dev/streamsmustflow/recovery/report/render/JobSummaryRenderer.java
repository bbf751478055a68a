package dev.streamsmustflow.recovery.report.render;

import dev.streamsmustflow.recovery.report.render.ReportDocument.SectionKind;

/**
 * {@code summary.md}: what a CI job summary shows of a report (GitHub renders Markdown there, up to
 * 1 MiB per step) — the conclusion and the phase tables; the environment and the restore fit stay in
 * the full report, which the summary points to.
 */
final class JobSummaryRenderer {

    private JobSummaryRenderer() {
    }

    static String render(ReportDocument document) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(MarkdownText.inline(document.title())).append("\n\n");
        md.append('_').append(MarkdownText.inline(document.subtitle())).append("_\n\n");
        document.conclusion().forEach(sentence -> md.append("- ").append(MarkdownText.inline(sentence)).append('\n'));
        md.append('\n');
        document.sections(SectionKind.PHASES).forEach(section -> MarkdownText.section(md, section));
        md.append("The environment, the restore-time fit and the charts are in report.md and index.html.\n");
        return md.toString();
    }
}
