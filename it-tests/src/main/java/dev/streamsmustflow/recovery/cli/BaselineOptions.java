package dev.streamsmustflow.recovery.cli;

import dev.streamsmustflow.recovery.report.BaselineComparison;
import dev.streamsmustflow.recovery.report.RecoveryReport;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The optional baseline gate, shared by the comparison and the report command. */
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

    /** Compares {@code report} with the baseline, if one was given, and says how it compares: a regression fails. */
    ExitCode gate(RecoveryReport report, PrintWriter out) {
        if (baseline == null) {
            return ExitCode.DONE;
        }
        BaselineComparison comparison = BaselineComparison.compare(baseline, report,
                new BaselineComparison.Threshold(thresholdPercent / 100, thresholdFloorMs));
        out.println(comparison.summary());
        return comparison.regressed() ? ExitCode.FAILED_CHECK : ExitCode.DONE;
    }
}
