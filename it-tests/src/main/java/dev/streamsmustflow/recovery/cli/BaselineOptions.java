package dev.streamsmustflow.recovery.cli;

import dev.streamsmustflow.recovery.report.BaselineComparison;
import dev.streamsmustflow.recovery.report.RecoveryReport;
import dev.streamsmustflow.recovery.report.render.ReportWriter;
import dev.streamsmustflow.recovery.scenario.RecoveryResult;
import dev.streamsmustflow.recovery.scenario.ResultFiles;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * Writing the report from a results directory, and the optional baseline gate, shared by the
 * comparison and the report command.
 */
final class BaselineOptions {

    @Option(names = "--baseline", description = "An earlier report.json: exit 1 when recovery time regresses beyond "
            + "the threshold or a verdict worsens.")
    Path baseline;

    @Option(names = "--threshold-percent", description = "Regression threshold for median time to ready and to caught-up.")
    double thresholdPercent = 20;

    @Option(names = "--threshold-floor-ms", description = "Slowdowns smaller than this never count as a regression.")
    long thresholdFloorMs = 1_000;

    /** Checks the options before anything runs; a baseline that cannot be read would fail only at the end. */
    void validate() {
        if (thresholdPercent < 0 || thresholdFloorMs < 0) {
            throw new IllegalArgumentException("--threshold-percent and --threshold-floor-ms must not be negative");
        }
        if (baseline != null) {
            RecoveryReport.readFrom(baseline);
        }
    }

    /**
     * Reads the results under {@code resultsDir}, writes the report into {@code outputDir}, applies the
     * baseline, and prints the report's path as the last line.
     */
    ExitCode finish(Path resultsDir, Path outputDir, PrintWriter out, ExitCode exitSoFar) {
        List<RecoveryResult> results = ResultFiles.readAll(resultsDir);
        if (results.isEmpty()) {
            out.println("No recovery results in " + resultsDir + ": no report written.");
            out.flush();
            return exitSoFar;
        }
        RecoveryReport report = RecoveryReport.of(results);
        ReportWriter.ReportFiles files = ReportWriter.write(outputDir, report);
        ExitCode exit = exitSoFar;
        report.conclusion().forEach(sentence -> out.println("  " + sentence));
        if (baseline != null) {
            BaselineComparison comparison = BaselineComparison.compare(baseline, report,
                    new BaselineComparison.Threshold(thresholdPercent / 100, thresholdFloorMs));
            out.println(comparison.summary());
            if (comparison.regressed()) {
                exit = exit.and(ExitCode.FAILED_CHECK);
            }
        }
        out.println("Report: " + files.json() + ", " + files.markdown() + ", " + files.summary());
        out.println(files.html());
        out.flush();
        return exit;
    }
}
