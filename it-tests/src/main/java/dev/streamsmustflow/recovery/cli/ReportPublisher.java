package dev.streamsmustflow.recovery.cli;

import dev.streamsmustflow.recovery.report.RecoveryReport;
import dev.streamsmustflow.recovery.report.render.ReportWriter;
import dev.streamsmustflow.recovery.scenario.RecoveryResult;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;

/**
 * The end of {@code ./compare} and {@code ./compare report}: writes the report of their results, prints its
 * conclusion, applies the baseline gate, and prints the report's path as the last line.
 */
final class ReportPublisher {

    private final BaselineOptions baseline;
    private final PrintWriter out;

    ReportPublisher(BaselineOptions baseline, PrintWriter out) {
        this.baseline = baseline;
        this.out = out;
    }

    /**
     * Publishes the report of {@code results} into {@code outputDir}; with none, says so and writes nothing.
     *
     * @param noResults what to say when there are none
     * @return {@code exitSoFar}, or worse when the baseline gate fails
     */
    ExitCode publish(List<RecoveryResult> results, String noResults, Path outputDir, ExitCode exitSoFar) {
        if (results.isEmpty()) {
            out.println(noResults + ": no report written.");
            out.flush();
            return exitSoFar;
        }
        RecoveryReport report = RecoveryReport.of(results);
        ReportWriter.ReportFiles files = ReportWriter.write(outputDir, report);
        report.conclusion().forEach(sentence -> out.println("  " + sentence));
        ExitCode exit = exitSoFar.and(baseline.gate(report, out));
        out.println("Report: " + files.json() + ", " + files.markdown() + ", " + files.summary());
        out.println(files.html());
        out.flush();
        return exit;
    }
}
