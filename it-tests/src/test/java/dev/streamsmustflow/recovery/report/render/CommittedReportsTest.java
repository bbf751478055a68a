package dev.streamsmustflow.recovery.report.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.streamsmustflow.recovery.platform.ClasspathVersions;
import dev.streamsmustflow.recovery.report.Environment;
import dev.streamsmustflow.recovery.report.RecoveryReport;
import dev.streamsmustflow.recovery.scenario.RecoveryResult;
import dev.streamsmustflow.recovery.scenario.ResultFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reports in docs/results are what this code renders from the results committed beside them: a change to the
 * report shows in the committed reports, or this fails. The machine is the one the committed report names (the
 * machine that wrote it), so the comparison is of every byte the code decides.
 */
class CommittedReportsTest {

    private static final Path RESULTS = Path.of("../docs/results");

    static Stream<Path> reports() throws IOException {
        List<Path> reports;
        try (Stream<Path> dirs = Files.list(RESULTS)) {
            reports = dirs.filter(dir -> Files.isDirectory(dir.resolve("results")) && Files.exists(dir.resolve("report.json")))
                    .sorted().toList();
        }
        assertFalse(reports.isEmpty(), "no committed report under " + RESULTS.toAbsolutePath());
        return reports.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("reports")
    void rendersAsCommittedFromItsResults(Path committed, @TempDir Path rendered) throws IOException {
        List<RecoveryResult> results = ResultFiles.readAll(committed.resolve("results"));
        Environment was = RecoveryReport.readFrom(committed.resolve("report.json")).environment();
        RecoveryReport report = RecoveryReport.of(results,
                Environment.describe(results, was.appVersion(), ClasspathVersions.kafkaClients(), was.machine()));

        ReportWriter.ReportFiles files = ReportWriter.write(rendered, report);

        for (Path file : files.all()) {
            assertEquals(Files.readString(committed.resolve(file.getFileName())), Files.readString(file),
                    file.getFileName() + " of " + committed + " as rendered from its " + results.size()
                            + " results: regenerate it with ./compare report --results " + committed.resolve("results")
                            + " --output " + committed);
        }
    }
}
