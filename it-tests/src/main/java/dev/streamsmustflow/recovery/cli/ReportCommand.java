package dev.streamsmustflow.recovery.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code ./compare report}: the report of results that exist already, e.g. those of {@code ./mvnw verify}. */
@Command(name = "report", mixinStandardHelpOptions = true, showDefaultValues = true,
        description = "Writes report.json, report.md and index.html from a directory of recovery results.")
final class ReportCommand implements Callable<Integer> {

    @ParentCommand
    RecoveryHarnessCommand parent;

    @Option(names = "--results", required = true, description = "Directory of RecoveryResult JSON files.")
    Path results;

    @Option(names = "--output", description = "Where to write the report (default: the results directory).")
    Path output;

    @Mixin
    BaselineOptions baseline;

    @Override
    public Integer call() {
        return baseline.finish(results, output != null ? output : results, parent.spec.commandLine().getOut(), 0);
    }
}
