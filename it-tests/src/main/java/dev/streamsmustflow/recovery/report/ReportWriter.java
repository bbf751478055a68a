package dev.streamsmustflow.recovery.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes a report as {@code report.json}, {@code report.md} and a self-contained {@code index.html}. */
public final class ReportWriter {

    /** The files written, all in one directory. */
    public record ReportFiles(Path json, Path markdown, Path html) {

        public List<Path> all() {
            return List.of(json, markdown, html);
        }
    }

    private ReportWriter() {
    }

    /** Writes the three files into {@code outputDir} (created if missing), replacing earlier ones. */
    public static ReportFiles write(Path outputDir, RecoveryReport report) {
        ReportFiles files = new ReportFiles(outputDir.resolve("report.json"), outputDir.resolve("report.md"),
                outputDir.resolve("index.html"));
        try {
            Files.createDirectories(outputDir);
            Files.writeString(files.json(), report.toJson() + "\n", StandardCharsets.UTF_8);
            Files.writeString(files.markdown(), MarkdownReport.render(report), StandardCharsets.UTF_8);
            Files.writeString(files.html(), HtmlReport.render(report), StandardCharsets.UTF_8);
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report into " + outputDir, e);
        }
    }
}
