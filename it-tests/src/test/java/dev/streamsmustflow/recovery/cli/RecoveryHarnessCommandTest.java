package dev.streamsmustflow.recovery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamsmustflow.recovery.deployment.Variant;
import dev.streamsmustflow.recovery.nemesis.Fault;
import dev.streamsmustflow.recovery.report.SampleResults;
import dev.streamsmustflow.recovery.scenario.ScenarioSpec;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line as a user meets it: help, option errors, the plan, and the report with its baseline gate. */
class RecoveryHarnessCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void helpShowsTheOptionsWithTheirDefaults() {
        int exit = run("--help");

        assertEquals(0, exit);
        String help = out.toString();
        assertTrue(help.contains("--platform=<platform>"), help);
        assertTrue(help.contains("Default: local"), help);
        assertTrue(help.contains("Default: POD_KILL,POD_DELETE"), help);
        assertTrue(help.contains("Default: 50000,150000"), help);
        assertTrue(help.contains("--baseline"), help);
        assertTrue(help.contains("report"), "the report subcommand is listed: " + help);
    }

    @Test
    void anInvalidOptionIsAUsageError() {
        assertEquals(2, run("--faults", "POD_NUKE"));
        assertTrue(err.toString().contains("POD_NUKE"), err.toString());

        assertEquals(2, run("--replicas", "8", "--partitions", "6"));
        assertTrue(err.toString().contains("at least as many partitions as replicas"), err.toString());
    }

    @Test
    void thePlanCoversEveryCombinationWithDistinctIdsAndSeeds() {
        ComparisonPlan plan = new ComparisonPlan("local", List.of(Variant.STATEFUL_SET, Variant.DEPLOYMENT),
                List.of(Fault.POD_KILL, Fault.POD_DELETE), List.of("exactly_once_v2", "at_least_once"),
                List.of(50_000L, 150_000L), 3, 6, 2, 100, 10_000, Map.of("NUM_STANDBY_REPLICAS", "1"));

        List<ScenarioSpec> scenarios = plan.scenarios(1_000_000L);

        assertEquals(2 * 2 * 2 * 2 * 2, scenarios.size());
        assertEquals(scenarios.size(), scenarios.stream().map(ScenarioSpec::id).distinct().count(), "ids are unique");
        assertEquals(List.of(100L, 101L), scenarios.stream().map(spec -> spec.workload().seed()).distinct().toList());
        assertEquals(List.of(10_000, 30_000), scenarios.stream().map(spec -> spec.workload().tradesBefore()).distinct().toList());
        ScenarioSpec first = scenarios.get(0);
        assertEquals("local-stateful-set-pod-kill-eos-50000r-rep1", first.id());
        assertEquals("10000", first.settings().extraEnv().get("KAFKA_STREAMS_SESSION_TIMEOUT_MS"));
        assertEquals("1", first.deployment().env().get("NUM_STANDBY_REPLICAS"), "--app-env settings reach the pods");
    }

    @Test
    void theReportCommandWritesTheReportAndPrintsItsPathLast() throws Exception {
        Path results = Files.createDirectories(dir.resolve("results"));
        SampleResults.result("STATEFUL_SET", "POD_KILL").caughtUp(4_000L).build().writeTo(results);
        SampleResults.result("DEPLOYMENT", "POD_KILL").caughtUp(8_000L).build().writeTo(results);

        int exit = run("report", "--results", results.toString(), "--output", dir.resolve("report").toString());

        assertEquals(0, exit, err.toString());
        List<String> lines = out.toString().lines().toList();
        assertEquals(dir.resolve("report").resolve("index.html").toString(), lines.get(lines.size() - 1));
        assertTrue(Files.isRegularFile(dir.resolve("report").resolve("report.json")));
        assertTrue(Files.isRegularFile(dir.resolve("report").resolve("report.md")));
    }

    @Test
    void theBaselineGateFailsARegressionAndPassesARunWithinTheThreshold() throws Exception {
        Path baselineResults = Files.createDirectories(dir.resolve("baseline"));
        SampleResults.result("STATEFUL_SET", "POD_KILL").caughtUp(4_000L).build().writeTo(baselineResults);
        assertEquals(0, run("report", "--results", baselineResults.toString()));
        Path baseline = baselineResults.resolve("report.json");

        Path slower = Files.createDirectories(dir.resolve("slower"));
        SampleResults.result("STATEFUL_SET", "POD_KILL").caughtUp(9_000L).build().writeTo(slower);
        Path similar = Files.createDirectories(dir.resolve("similar"));
        SampleResults.result("STATEFUL_SET", "POD_KILL").caughtUp(4_500L).build().writeTo(similar);

        assertEquals(1, run("report", "--results", slower.toString(), "--baseline", baseline.toString()),
                "4 s → 9 s is beyond 20 % and 1 s: " + out);
        assertEquals(0, run("report", "--results", similar.toString(), "--baseline", baseline.toString()),
                "4 s → 4.5 s is within the 1 s floor: " + out);
    }

    private int run(String... args) {
        CommandLine commandLine = RecoveryHarnessCommand.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }
}
