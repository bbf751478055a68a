package dev.streamsmustflow.recovery.report.render;

import dev.streamsmustflow.recovery.report.RecoveryReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a report as {@code report.json}, {@code report.md}, a self-contained {@code index.html} and
 * {@code summary.md} (for a CI job summary).
 */
public final class ReportWriter {

    /** The files written, all in one directory. */
    public record ReportFiles(Path json, Path markdown, Path html, Path summary) {

        public List<Path> all() {
            return List.of(json, markdown, html, summary);
        }
    }

    private ReportWriter() {
    }

    /** Writes the files into {@code outputDir} (created if missing), replacing earlier ones. */
    public static ReportFiles write(Path outputDir, RecoveryReport report) {
        ReportFiles files = new ReportFiles(outputDir.resolve("report.json"), outputDir.resolve("report.md"),
                outputDir.resolve("index.html"), outputDir.resolve("summary.md"));
        ReportDocument document = ReportDocuments.of(report);
        try {
            Files.createDirectories(outputDir);
            Files.writeString(files.json(), document.reportJson() + "\n", StandardCharsets.UTF_8);
            Files.writeString(files.markdown(), MarkdownRenderer.render(document), StandardCharsets.UTF_8);
            Files.writeString(files.html(), HtmlRenderer.render(document), StandardCharsets.UTF_8);
            Files.writeString(files.summary(), JobSummaryRenderer.render(document), StandardCharsets.UTF_8);
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + outputDir, e);
        }
    }
}
