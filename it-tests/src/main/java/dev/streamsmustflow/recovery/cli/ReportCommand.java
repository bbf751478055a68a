package dev.streamsmustflow.recovery.cli;

import dev.streamsmustflow.recovery.scenario.ResultFiles;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code ./compare report}: the report of results that exist already, e.g. those of {@code ./mvnw verify}. */
@Command(name = "report", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Writes report.json, report.md, summary.md and index.html from a directory of recovery results.")
final class ReportCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--results", required = true, description = "Directory of RecoveryResult JSON files.")
    Path results;

    @Option(names = "--output", description = "Where to write the report (default: the results directory).")
    Path output;

    @Mixin
    BaselineOptions baseline;

    @Override
    public Integer call() {
        try {
            baseline.validate();
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        return new ReportPublisher(baseline, spec.commandLine().getOut()).publish(ResultFiles.readAll(results),
                "No recovery results in " + results, output != null ? output : results, ExitCode.DONE).code();
    }
}
