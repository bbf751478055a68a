package dev.streamsmustflow.recovery.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamsmustflow.recovery.benchmark.CapacityProbe;
import dev.streamsmustflow.recovery.checker.Validity;
import dev.streamsmustflow.recovery.deployment.AppSettings;
import dev.streamsmustflow.recovery.deployment.DeploymentSpec;
import dev.streamsmustflow.recovery.deployment.PodManagementPolicy;
import dev.streamsmustflow.recovery.deployment.ProcessingGuarantee;
import dev.streamsmustflow.recovery.deployment.Variant;
import dev.streamsmustflow.recovery.nemesis.Fault;
import dev.streamsmustflow.recovery.platform.PlatformKind;
import dev.streamsmustflow.recovery.report.RecoveryReport;
import dev.streamsmustflow.recovery.report.ReportGroup;
import dev.streamsmustflow.recovery.report.SampleResults;
import dev.streamsmustflow.recovery.scenario.RecoveryResult;
import dev.streamsmustflow.recovery.scenario.ResultFiles;
import dev.streamsmustflow.recovery.scenario.ScenarioSpec;
import dev.streamsmustflow.recovery.workload.InputRate;
import dev.streamsmustflow.recovery.workload.SteadyLoad;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine;

/** The command line as a user meets it: help, option errors, the plan, exit codes, what it prints and where it logs. */
class CompareCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();
    private final IdlePlatform platform = new IdlePlatform();

    @Test
    void helpShowsTheOptionsWithTheirDefaultsAndTheExitCodes() {
        int exit = run("--help");

        assertEquals(0, exit);
        String help = out.toString();
        assertTrue(help.contains("--platform=<platform>"), help);
        assertTrue(help.contains("Default: local"), help);
        assertTrue(help.contains("Default: POD_KILL,POD_DELETE"), help);
        assertTrue(help.contains("Default: 100000,500000"), help);
        assertTrue(help.contains("Default: 20261126"), help);
        assertTrue(help.contains("Default: the platform's"), "the session timeout: " + help);
        assertTrue(help.contains("--cluster-namespace"), help);
        assertTrue(help.contains("--baseline"), help);
        assertTrue(help.contains("report"), "the report subcommand is listed: " + help);
        assertTrue(help.contains("3   the platform could not start"), help);
    }

    @Test
    void everyOptionIsInTheTableOfDocsCompare() throws Exception {
        // the first cell of each row of the options table names the options it describes
        List<String> described = Files.readAllLines(Path.of("../docs/compare.md")).stream()
                .filter(line -> line.startsWith("| `--")).map(line -> line.split("\\|")[1]).toList();

        List<String> missing = CompareCommand.commandLine(new CompareCommand()).getCommandSpec().options().stream()
                .filter(option -> !option.usageHelp() && !option.versionHelp())
                .map(OptionSpec::longestName)
                .filter(name -> described.stream().noneMatch(cell -> cell.contains("`" + name + "`")))
                .toList();

        assertEquals(List.of(), missing, "options of ./compare that the table of docs/compare.md does not describe");
    }

    /** With {@code LC_ALL=C} Java 17 writes US-ASCII by default: "R²" would print as "R?". */
    @Test
    void theOutputIsUtf8WhateverTheLocale() throws Exception {
        Path results = Files.createDirectories(dir.resolve("results"));
        ResultFiles.write(SampleResults.result("DEPLOYMENT", "POD_KILL").restored(1_000_000, 1_000).build(), results);
        ResultFiles.write(SampleResults.result("DEPLOYMENT", "POD_KILL").restored(2_000_000, 2_000).build(), results);
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CompareCommand.class.getName(), "report", "--results",
                results.toString()).redirectErrorStream(true);
        builder.environment().remove("LANG");
        builder.environment().put("LC_ALL", "C");
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();

        assertEquals(0, process.waitFor(), new String(output, StandardCharsets.UTF_8));
        String printed = new String(output, StandardCharsets.UTF_8);
        assertTrue(printed.contains("R² 1.00"), printed);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--faults POD_NUKE                          | POD_NUKE",
        "--platform mars                            | mars",
        "--guarantees exactly_once                  | exactly_once",
        "--replicas 8 --partitions 6                | at least as many partitions as replicas",
        "--no-such-option                           | --no-such-option",
        "--platform cluster                         | --cluster-namespace, --cluster-bootstrap, --cluster-image",
        "--cluster-namespace recovery               | --platform cluster only",
        "--platform cluster --faults CONTAINER_KILL --cluster-namespace n --cluster-bootstrap b:9 --cluster-image i"
                + " | CONTAINER_KILL cannot run on platform cluster",
        "--platform k3s --faults PAUSE,BROKER_RESTART | BROKER_RESTART cannot run on platform k3s: it needs [RESTART_BROKER]",
        "--pause-ms 0                               | --pause-ms of at least 1",
        "--malformed-every -1                       | --malformed-every",
        "--late-fraction 1.5                        | --late-fraction between 0 and 1",
        "--baseline /no/such/report.json            | /no/such/report.json",
        "--app /no/such/recovery-app.yaml --rate 9  | /no/such/recovery-app.yaml",
        "--app ../examples/word-count/recovery-app.yaml | --rate (records a second) or --capacity with --app",
        "--app ../examples/word-count/recovery-app.yaml --rate 9 --platform k3s | --platform local or docker with --app",
        "--app ../examples/jvm-map-count/recovery-app.yaml --rate 9 --platform docker | an app.image in the descriptor"})
    void anInvalidOptionExitsTwoWithOneLineNamingIt(String args, String named) {
        int exit = run(args.strip().split(" +"));

        assertEquals(2, exit, err.toString());
        List<String> lines = err.toString().lines().toList();
        assertEquals(1, lines.size(), "one line: " + err);
        assertTrue(lines.get(0).contains(named), lines.get(0));
        assertEquals("", out.toString(), "nothing ran");
    }

    @Test
    void aGeneratorTheRunCouldNotMakeIsRefusedBeforeAnythingRuns(@TempDir Path dir) throws Exception {
        String descriptor = Files.readString(Path.of("../examples/word-count/recovery-app-generated.yaml"))
                .replace("dev.streamsmustflow.examples.wordcount.SentenceGenerator", "com.example.NoSuchGenerator")
                .replace("target/word-count.jar", Path.of("../examples/word-count/target/word-count.jar").toAbsolutePath()
                        .toString());
        Path file = Files.writeString(dir.resolve("recovery-app.yaml"), descriptor);

        int exit = run("--app", file.toString(), "--rate", "9");

        assertEquals(2, exit, err.toString());
        List<String> lines = err.toString().lines().toList();
        assertEquals(1, lines.size(), "one line: " + err);
        assertTrue(lines.get(0).contains("the generator com.example.NoSuchGenerator is not in"), lines.get(0));
        assertEquals("", out.toString(), "nothing ran");
    }

    @Test
    void thePlanCoversEveryCombinationWithDistinctIdsAndSeeds() {
        ComparisonPlan plan = new ComparisonPlan(PlatformKind.LOCAL, ComparisonPlan.everyCombination(
                List.of(Variant.STATEFUL_SET, Variant.DEPLOYMENT), List.of(Fault.POD_KILL, Fault.POD_DELETE),
                List.of(ProcessingGuarantee.EXACTLY_ONCE_V2, ProcessingGuarantee.AT_LEAST_ONCE), List.of(50_000L, 150_000L)),
                3, 6, 2, 100, 10_000, Map.of("NUM_STANDBY_REPLICAS", "1"), 1_000, 0.01, Duration.ofSeconds(25), false,
                InputRate.fixed(700), null, 30_000);

        List<ScenarioSpec> scenarios = plan.scenarios(1_000_000L).stream().map(PlannedScenario::spec).toList();

        assertEquals(2 * 2 * 2 * 2 * 2, scenarios.size());
        assertEquals(scenarios.size(), scenarios.stream().map(ScenarioSpec::id).distinct().count(), "ids are unique");
        assertEquals(List.of(100L, 101L), scenarios.stream().map(spec -> spec.workload().seed()).distinct().toList());
        assertEquals(List.of(10_000, 30_000), scenarios.stream().map(spec -> spec.workload().tradesBefore()).distinct().toList());
        ScenarioSpec first = scenarios.stream().filter(spec -> spec.id().equals("local-stateful-set-pod-kill-eos-50000r-rep1"))
                .findFirst().orElseThrow(() -> new AssertionError("no first cell's first repetition in " + scenarios));
        assertEquals("10000", first.settings().extraEnv().get("KAFKA_STREAMS_SESSION_TIMEOUT_MS"));
        assertEquals("1", first.deployment().env().get("NUM_STANDBY_REPLICAS"), "--app-env settings reach the pods");
    }

    @Test
    void aDescribedAppRunsWithItsOwnPartitionsAndOnlyTheRunsOwnVariablesOverItsEnvironment() {
        List<ScenarioSpec> ran = new CopyOnWriteArrayList<>();
        int exit = runWith((spec, results) -> {
            ran.add(spec);
            return resultOf(spec, Validity.VALID);
        }, "--app", "../examples/word-count/recovery-app.yaml", "--rate", "100", "--variants", "DEPLOYMENT",
                "--faults", "POD_KILL", "--state-records", "1000", "--app-env", "SESSION_TIMEOUT_MS=6000");

        assertEquals(0, exit, out + "\n" + err);
        assertEquals(1, ran.size(), ran.toString());
        ScenarioSpec spec = ran.get(0);
        assertEquals("word-count", spec.described().name());
        assertEquals(6, spec.partitions(), "its input topic's partitions");
        Map<String, String> env = spec.deployment().env();
        assertEquals("6000", env.get("SESSION_TIMEOUT_MS"), "--app-env over the descriptor's " + env);
        assertEquals("${bootstrapServers}", env.get("KAFKA_BOOTSTRAP_SERVERS"), "filled for each pod, not here: " + env);
        assertFalse(env.containsKey("KAFKA_STREAMS_SESSION_TIMEOUT_MS"), "none of trade-stats' own variables: " + env);
    }

    @Test
    void aReferenceRunJudgesADescribedAppAgainstItselfAndIsRefusedForTradeStats() {
        List<ScenarioSpec> ran = new CopyOnWriteArrayList<>();
        int exit = runWith((spec, results) -> {
            ran.add(spec);
            return resultOf(spec, Validity.VALID);
        }, "--app", "../examples/word-count/recovery-app.yaml", "--rate", "100", "--variants", "DEPLOYMENT",
                "--faults", "POD_KILL", "--state-records", "1000", "--reference-run");

        assertEquals(0, exit, out + "\n" + err);
        assertEquals(1, ran.size(), ran.toString());
        assertNull(ran.get(0).described().reference(), "no topology to drive: the reference is a run");
        assertEquals("word-count", ran.get(0).described().name());

        ran.clear();
        int refused = runWith((spec, results) -> {
            ran.add(spec);
            return resultOf(spec, Validity.VALID);
        }, "--reference-run", "--faults", "POD_KILL");

        assertEquals(2, refused, out + "\n" + err);
        assertTrue(err.toString().contains("--reference-run is for --app"), err.toString());
        assertEquals(List.of(), ran, "nothing ran");
    }

    @Test
    void theVariantsMatrixVariesMembershipVolumeAndStandbysOneAtATimeThreeTimesEach() {
        List<ScenarioSpec> ran = new CopyOnWriteArrayList<>();
        int exit = runWith((spec, results) -> {
            ran.add(spec);
            return resultOf(spec, Validity.VALID);
        }, "--matrix", "variants", "--app-env", "KAFKA_STREAMS_STATESTORE_CACHE_MAX_BYTES=0");

        assertEquals(0, exit, out + "\n" + err);
        assertEquals((4 + 5) * 3, ran.size(), "4 cells under POD_KILL, 5 under POD_DELETE, 3 times each");
        assertEquals(ran.size(), ran.stream().map(ScenarioSpec::id).distinct().count(), "ids are unique");
        Map<String, String> dynamicStatefulSet = ran.stream()
                .filter(spec -> spec.id().equals("local-stateful-set-pod-kill-eos-dynamic-500000r-rep2")).findFirst()
                .orElseThrow(() -> new AssertionError("no dynamic StatefulSet cell in " + ran)).deployment().env();
        assertEquals("false", dynamicStatefulSet.get("STATIC_MEMBERSHIP"));
        assertEquals("0", dynamicStatefulSet.get("KAFKA_STREAMS_STATESTORE_CACHE_MAX_BYTES"), "--app-env reaches every cell");
        Map<String, String> standby = ran.stream().filter(spec -> spec.id().contains("deployment-pod-delete-eos-standby"))
                .findFirst().orElseThrow().deployment().env();
        assertEquals("1", standby.get("NUM_STANDBY_REPLICAS"));
        assertEquals("false", standby.get("STATIC_MEMBERSHIP"));
        assertEquals(100_000, ran.get(0).workload().tradesBefore(), "500,000 changelog records: 100,000 trades");
    }

    @Test
    void theScalingMatrixBuildsEachStateOnceAndHitsItThreeTimesOnceTheDeploymentsReplacementGetsItsTasks() {
        List<ScenarioSpec> ran = new CopyOnWriteArrayList<>();
        int exit = runWith((spec, results) -> {
            ran.add(spec);
            return resultOf(spec, Validity.VALID);
        }, "--matrix", "scaling", "--cells", "deployment-pod-kill-eos-100000r,stateful-set-pod-kill-eos-10000000r");

        assertEquals(0, exit, out + "\n" + err);
        assertEquals(List.of("local-deployment-pod-kill-eos-100000r", "local-stateful-set-pod-kill-eos-10000000r"),
                ran.stream().map(ScenarioSpec::id).toList(), "one scenario for each cell");
        ScenarioSpec deployment = ran.get(0);
        assertEquals(3, deployment.faultsOnState());
        assertEquals("local-deployment-pod-kill-eos-100000r-rep3", deployment.resultId(3));
        assertEquals("60000", deployment.deployment().env().get("KAFKA_STREAMS_PROBING_REBALANCE_INTERVAL_MS"));
        assertEquals("1000", deployment.deployment().env().get("KAFKA_STREAMS_STATE_CLEANUP_DELAY_MS"));
        assertEquals(2_000_000, ran.get(1).workload().tradesBefore(), "10 million changelog records: 2 million trades");
        assertTrue(out.toString().contains("2 scenario(s), each hitting its state 3 times"), out.toString());
    }

    @Test
    void aReusedStateTakesOnlyFaultsThatReplaceOnePodAndASingleFaultKeepsItsId() {
        ComparisonCell pause = ComparisonCell.of(Variant.STATEFUL_SET, Fault.PAUSE, ProcessingGuarantee.EXACTLY_ONCE_V2,
                50_000);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> new ComparisonPlan(
                PlatformKind.LOCAL, List.of(pause), 3, 6, 3, 100, 10_000, Map.of(), 0, 0, null, true, InputRate.fixed(700),
                null, 30_000));
        assertTrue(refused.getMessage().contains("[POD_KILL, POD_DELETE]"), refused.getMessage());

        ScenarioSpec once = new ComparisonPlan(PlatformKind.LOCAL, List.of(pause), 3, 6, 1, 100, 10_000, Map.of(), 0, 0,
                null, false, InputRate.fixed(700), null, 30_000).scenarios(1_000_000L).get(0).spec();
        assertEquals("local-stateful-set-pause-eos-50000r-rep1", once.resultId(1));
        assertThrows(IllegalArgumentException.class, () -> once.withFaultsOnState(2));
        assertThrows(IllegalArgumentException.class, () -> once.withFaultsOnState(0));
    }

    @Test
    void theSeedMatrixRecoversAStatefulSetFromKillAllWithOrderedReadyAndWithParallelPodManagement() {
        List<ScenarioSpec> ran = new CopyOnWriteArrayList<>();
        int exit = runWith((spec, results) -> {
            ran.add(spec);
            return resultOf(spec, Validity.VALID);
        }, "--matrix", "seed");

        assertEquals(0, exit, out + "\n" + err);
        List<DeploymentSpec> killAll = ran.stream().filter(spec -> spec.fault() == Fault.KILL_ALL)
                .map(ScenarioSpec::deployment).toList();
        assertEquals(6, killAll.size(), "two cells, 3 times each: " + killAll);
        assertTrue(killAll.stream().allMatch(deployment -> deployment.variant() == Variant.STATEFUL_SET), killAll.toString());
        assertEquals(Map.of(PodManagementPolicy.ORDERED_READY, 3L, PodManagementPolicy.PARALLEL, 3L), killAll.stream()
                .collect(Collectors.groupingBy(DeploymentSpec::podManagementPolicy, Collectors.counting())));
        DeploymentSpec ordered = killAll.stream()
                .filter(deployment -> deployment.podManagementPolicy() == PodManagementPolicy.ORDERED_READY).findFirst()
                .orElseThrow();
        assertEquals("OrderedReady", ordered.env().get(PodManagementPolicy.SETTING), "the results record the policy");
        assertFalse(ordered.podEnv().containsKey(PodManagementPolicy.SETTING), "the pods never see it");
    }

    @ParameterizedTest
    @EnumSource(MatrixPreset.class)
    void everyCellOfAPresetDiffersFromAnotherOfItsCellsInOneFactorOnly(MatrixPreset preset) {
        List<ComparisonCell> cells = preset.cells();

        assertEquals(cells.size(), cells.stream().distinct().count(), "no cell twice: " + cells);
        for (ComparisonCell cell : cells) {
            assertTrue(cells.stream().anyMatch(other -> factorsApart(cell, other) == 1),
                    preset + ": " + cell + " is one factor away from no other cell");
        }
    }

    @Test
    void cellsRunOnlyTheNamedCellsOfAMatrixUnderTheirMatrixIds() {
        List<ScenarioSpec> ran = new CopyOnWriteArrayList<>();
        int exit = runWith((spec, results) -> {
            ran.add(spec);
            return resultOf(spec, Validity.VALID);
        }, "--matrix", "variants", "--cells", "deployment-pod-delete-eos-leave-500000r");

        assertEquals(0, exit, out + "\n" + err);
        assertEquals(List.of("local-deployment-pod-delete-eos-leave-500000r-rep1", "local-deployment-pod-delete-eos-leave-500000r-rep2",
                "local-deployment-pod-delete-eos-leave-500000r-rep3"), ran.stream().map(ScenarioSpec::id).sorted().toList());
        assertTrue(ran.stream().allMatch(spec -> "true".equals(spec.deployment().env().get("LEAVE_GROUP_ON_CLOSE"))),
                ran.toString());
    }

    @Test
    void anUnknownCellIsRefusedWithThePresetsCells() {
        int exit = run("--matrix", "variants", "--cells", "deployment-pod-delete-eos-stay-500000r");

        assertEquals(2, exit, err.toString());
        assertTrue(err.toString().contains("--matrix variants has no cell deployment-pod-delete-eos-stay-500000r; its cells: "
                + "stateful-set-pod-kill-eos-500000r, "), err.toString());
        assertEquals(2, run("--cells", "deployment-pod-delete-eos-leave-500000r"), "--cells without --matrix");
    }

    @Test
    void aMatrixRefusesTheOptionsThatWouldChooseItsScenarios() {
        int exit = run("--matrix", "guarantees", "--variants", "DEPLOYMENT", "--state-records", "1000");

        assertEquals(2, exit, err.toString());
        assertTrue(err.toString().contains("--matrix guarantees chooses its own scenarios: drop --variants, --state-records"),
                err.toString());
    }

    @Test
    void theHelpListsTheMatrixPresetsWithWhatTheyVary() {
        run("--help");

        String help = out.toString();
        for (MatrixPreset preset : MatrixPreset.values()) {
            assertTrue(help.lines().anyMatch(line -> line.strip().startsWith(preset + " ")), preset + " in\n" + help);
        }
        assertTrue(help.contains("TRANSACTIONAL_STATE_STORES=true"), help);
    }

    @Test
    void theInputFlowsAtTheLoadPercentOfTheGivenCapacityOrAtTheRateGiven() {
        List<ScenarioSpec> ran = new CopyOnWriteArrayList<>();
        PlayedScenario record = (spec, results) -> {
            ran.add(spec);
            return resultOf(spec, Validity.VALID);
        };

        assertEquals(0, runWith(record, "--faults", "POD_KILL", "--variants", "DEPLOYMENT", "--state-records", "50000",
                "--load-percent", "40", "--capacity", "12000", "--lag-budget-ms", "20000"), out + "\n" + err);
        assertEquals(0, runWith(record, "--faults", "POD_KILL", "--variants", "DEPLOYMENT", "--state-records", "50000",
                "--rate", "700"), out + "\n" + err);

        assertTrue(out.toString().contains("the input flows through every fault at 40 % of the app's capacity of 12,000 "
                + "records/s, as given"), out.toString());
        assertTrue(out.toString().contains("the input flows through every fault at 700 records/s;"), out.toString());
        SteadyLoad share = ran.get(0).workload().load();
        assertEquals(4_800, ran.get(0).workload().ratePerSecond(), "40 % of 12,000 records/s");
        assertEquals(12_000.0, share.capacityPerSecond(), "the result records the capacity");
        assertEquals(40, share.percentOfCapacity());
        assertEquals(20_000L, share.lagBudgetMs());
        assertEquals(700, ran.get(1).workload().ratePerSecond());
        assertEquals(null, ran.get(1).workload().load().capacityPerSecond(), "a rate given is no share of a capacity");
        assertEquals(SteadyLoad.DEFAULT_LAG_BUDGET_MS, ran.get(1).workload().load().lagBudgetMs());
    }

    @Test
    void theCapacityIsMeasuredOnceForEachDistinctSettingsAndTheRateIsHalfOfIt() {
        List<AppSettings> measured = new CopyOnWriteArrayList<>();
        List<Integer> runs = new CopyOnWriteArrayList<>();
        List<ScenarioSpec> ran = new CopyOnWriteArrayList<>();
        CapacityProbe.Measurement measurement = (on, replicas, partitions, settings, seed, run, progress) -> {
            measured.add(settings);
            runs.add(run);
            assertEquals(List.of(3, 6), List.of(replicas, partitions), "the comparison's replicas and partitions");
            // the second run of each settings is the faster: the capacity is the higher of the two
            double rate = settings.effectiveProcessingGuarantee().exactlyOnce() ? 10_000 : 16_000;
            return run % 2 == 0 ? rate : rate * 0.7;
        };

        int exit = runWith(measurement, (spec, results) -> {
            ran.add(spec);
            return resultOf(spec, Validity.VALID);
        }, "--matrix", "guarantees");

        assertEquals(0, exit, out + "\n" + err);
        assertEquals(3, Set.copyOf(measured).size(), "exactly-once, at-least-once and KIP-892, each measured for 36 "
                + "scenarios: " + measured);
        assertEquals(List.of(1, 2, 3, 4, 5, 6), runs, "two runs each, every run with topics and a group of its own");
        assertEquals(36, ran.size());
        assertTrue(ran.stream().allMatch(spec -> spec.workload().ratePerSecond()
                        == (spec.settings().effectiveProcessingGuarantee().exactlyOnce() ? 5_000 : 8_000)),
                "each scenario at 50 % of the capacity of its own settings");
        assertTrue(out.toString().contains("capacity: 16,000 records/s steady"), out.toString());
        assertTrue(out.toString().contains("at 50 % of the app's capacity, the capacity measured first on this platform"),
                out.toString());
    }

    @Test
    void theLoadMatrixRunsBothVariantsAtThreeSharesOfTheCapacityAndRefusesARateForAll() {
        List<ScenarioSpec> ran = new CopyOnWriteArrayList<>();
        int exit = runWith((spec, results) -> {
            ran.add(spec);
            return resultOf(spec, Validity.VALID);
        }, "--matrix", "load", "--capacity", "10000");

        assertEquals(0, exit, out + "\n" + err);
        assertEquals(2 * 3 * 3, ran.size(), "2 variants × 3 loads, 3 times each");
        assertEquals(Set.of(2_500, 5_000, 9_000), ran.stream().map(spec -> spec.workload().ratePerSecond())
                .collect(Collectors.toSet()));
        assertTrue(ran.stream().anyMatch(spec -> spec.id().equals("local-deployment-pod-kill-eos-load90-500000r-rep3")),
                ran.toString());
        assertEquals(2, run("--matrix", "load", "--rate", "1000"), err.toString());
        assertTrue(err.toString().contains("--matrix load chooses its own scenarios: drop --rate"), err.toString());
    }

    @Test
    void theRepetitionsOfAPresetRunInterleavedInAnOrderShuffledAnewEachRound() {
        List<String> ran = new CopyOnWriteArrayList<>();
        PlayedScenario record = (spec, results) -> {
            ran.add(spec.id());
            return resultOf(spec, Validity.VALID);
        };
        assertEquals(0, runWith(record, "--matrix", "guarantees"), out + "\n" + err);

        List<List<String>> rounds = List.of(ran.subList(0, 12), ran.subList(12, 24), ran.subList(24, 36));
        for (int round = 0; round < 3; round++) {
            String suffix = "-rep" + (round + 1);
            assertTrue(rounds.get(round).stream().allMatch(id -> id.endsWith(suffix)),
                    "every cell runs once before any runs again: round " + (round + 1) + " " + rounds.get(round));
        }
        List<List<String>> cellOrders = rounds.stream().map(round -> round.stream()
                .map(id -> id.substring(0, id.lastIndexOf("-rep"))).toList()).toList();
        List<String> declared = MatrixPreset.GUARANTEES.cells().stream().map(cell -> "local-" + cell.name()).toList();
        assertEquals(Set.copyOf(declared), Set.copyOf(cellOrders.get(0)));
        assertEquals(3, Set.copyOf(cellOrders).size(), "each round in an order of its own: " + cellOrders);
        assertFalse(cellOrders.contains(declared), "shuffled, not in the preset's order: " + cellOrders);

        List<String> first = List.copyOf(ran);
        ran.clear();
        runWith(record, "--matrix", "guarantees");
        assertEquals(first, ran, "the same seed gives the same order");
    }

    private static int factorsApart(ComparisonCell one, ComparisonCell other) {
        int apart = 0;
        apart += one.variant() == other.variant() ? 0 : 1;
        apart += one.fault() == other.fault() ? 0 : 1;
        apart += one.guarantee() == other.guarantee() ? 0 : 1;
        apart += one.stateRecords() == other.stateRecords() ? 0 : 1;
        apart += one.env().equals(other.env()) ? 0 : 1;
        apart += Objects.equals(one.rate(), other.rate()) ? 0 : 1;
        return apart;
    }

    @Test
    void aComparisonWhoseVerdictsAreValidExitsZeroAndPrintsOnlyItsProgressAndTheReport() throws Exception {
        int exit = runWith((spec, results) -> {
            // what Kafka clients do in a real run: log through slf4j and print to the console
            LoggerFactory.getLogger("org.apache.kafka.clients.producer.ProducerConfig").warn("ProducerConfig values: acks = all");
            System.err.println("a library's own stderr line");
            return resultOf(spec, Validity.VALID);
        }, "--variants", "STATEFUL_SET,DEPLOYMENT", "--faults", "POD_KILL", "--state-records", "50000");

        assertEquals(0, exit, out + "\n" + err);
        assertTrue(platform.closed.get(), "the platform is closed after the run");
        String printed = out.toString();
        assertFalse(printed.contains("ProducerConfig") || err.toString().contains("ProducerConfig"), printed + err);
        assertFalse(printed.contains("a library's own stderr line") || err.toString().contains("stderr line"), printed);
        String log = Files.readString(dir.resolve("compare.log"));
        assertTrue(log.contains("ProducerConfig values: acks = all") && log.contains("a library's own stderr line"), log);
        List<String> lines = printed.lines().toList();
        assertEquals(dir.resolve("index.html").toString(), lines.get(lines.size() - 1), printed);
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("[2/2 ")), "progress lines: " + printed);
        assertTrue(Files.isRegularFile(dir.resolve("summary.md")), "the job summary is written");
    }

    @Test
    void anExactlyOnceVerdictThatIsNotValidExitsOne() {
        int exit = runWith((spec, results) -> resultOf(spec, spec.variant() == Variant.DEPLOYMENT ? Validity.INVALID
                : Validity.VALID), "--faults", "POD_KILL", "--state-records", "50000");

        assertEquals(1, exit, out.toString());
        assertTrue(Files.isRegularFile(dir.resolve("report.json")), "the report is written all the same");
    }

    @Test
    void theHarderFaultsAndThePauseLengthReachTheScenarios() {
        List<ScenarioSpec> ran = new CopyOnWriteArrayList<>();
        int exit = runWith((spec, results) -> {
            ran.add(spec);
            return resultOf(spec, Validity.VALID);
        }, "--variants", "STATEFUL_SET", "--faults", "PAUSE,BROKER_RESTART,KILL_DURING_RESTORE", "--state-records", "50000",
                "--pause-ms", "12000");

        assertEquals(0, exit, out + "\n" + err);
        assertEquals(Set.of(Fault.PAUSE, Fault.BROKER_RESTART, Fault.KILL_DURING_RESTORE),
                ran.stream().map(ScenarioSpec::fault).collect(Collectors.toSet()));
        assertEquals(Duration.ofSeconds(12), ran.stream().filter(spec -> spec.fault() == Fault.PAUSE).findFirst()
                .orElseThrow().effectivePauseLength());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "--platform local                                                                   | POD_KILL,POD_DELETE | 15000",
        "--platform docker                                                                  | POD_KILL,POD_DELETE | 15000",
        "--platform k3s                                                                     | POD_KILL,POD_DELETE | 30000",
        "--platform cluster --cluster-namespace n --cluster-bootstrap b:9 --cluster-image i | POD_DELETE          | 45000",
        "--platform k3s --session-timeout-ms 12000                                          | POD_KILL,POD_DELETE | 12000"})
    void withoutFaultsOrSessionTimeoutNamedThePlatformsDefaultsRun(String platformArgs, String faults,
            String sessionTimeoutMs) {
        List<Fault> ran = new CopyOnWriteArrayList<>();
        List<String> args = new ArrayList<>(List.of(platformArgs.strip().split(" +")));
        args.addAll(List.of("--variants", "STATEFUL_SET", "--state-records", "50000"));

        Set<String> sessionTimeouts = ConcurrentHashMap.newKeySet();
        int exit = runWith((spec, results) -> {
            ran.add(spec.fault());
            sessionTimeouts.add(spec.deployment().env().get("KAFKA_STREAMS_SESSION_TIMEOUT_MS"));
            return resultOf(spec, Validity.VALID);
        }, args.toArray(String[]::new));

        assertEquals(0, exit, out + "\n" + err);
        assertEquals(Arrays.stream(faults.split(",")).map(Fault::valueOf).collect(Collectors.toSet()), Set.copyOf(ran),
                "a crash needs access to the nodes, which the cluster platform lacks");
        assertEquals(faults.split(",").length, ran.size(), "each fault once: " + ran);
        assertEquals(Set.of(sessionTimeoutMs), sessionTimeouts, "the pods' session timeout");
    }

    @Test
    void anAtLeastOnceOverCountIsAFindingNotAFailure() {
        int exit = runWith((spec, results) -> resultOf(spec, Validity.INVALID),
                "--faults", "POD_KILL", "--state-records", "50000", "--guarantees", "at_least_once");

        assertEquals(0, exit, out.toString());
    }

    @Test
    void aScenarioThatCannotRunExitsThreeAndTheOthersStillRunAndAreReported() throws Exception {
        int exit = runWith((spec, results) -> {
            if (spec.variant() == Variant.STATEFUL_SET) {
                throw new IllegalStateException(spec.id() + " failed while recovering: seed " + spec.workload().seed());
            }
            return resultOf(spec, Validity.VALID);
        }, "--faults", "POD_KILL", "--state-records", "50000");

        assertEquals(3, exit, out.toString());
        assertTrue(out.toString().contains("could not run: local-stateful-set-pod-kill-eos-50000r-rep1 failed while "
                + "recovering: seed 20261126"), out.toString());
        assertTrue(Files.readString(dir.resolve("report.md")).contains("DEPLOYMENT"), "the scenario that ran is reported");
    }

    @Test
    void theReportIsOfTheResultsThisRunGaveNotOfOlderFilesInItsDirectory() throws Exception {
        Path results = Files.createDirectories(dir.resolve("results"));
        ResultFiles.write(SampleResults.result("STATEFUL_SET", "POD_DELETE").scenario("an-earlier-run").build(), results);

        int exit = runWith((spec, ignored) -> resultOf(spec, Validity.VALID), "--variants", "DEPLOYMENT", "--faults",
                "POD_KILL", "--state-records", "50000");

        assertEquals(0, exit, out + "\n" + err);
        RecoveryReport report = RecoveryReport.readFrom(dir.resolve("report.json"));
        assertEquals(List.of(List.of("local-deployment-pod-kill-eos-50000r-rep1")),
                report.groups().stream().map(ReportGroup::scenarios).toList(), "the groups' scenarios");
        assertTrue(Files.exists(results.resolve("an-earlier-run.json")), "the older file is left as it was");
    }

    @Test
    void aPlatformThatCannotStartExitsThreeWithOneLineSayingWhy() {
        CommandLine command = commandLine(new CompareCommand((kind, runDir) -> {
            throw new IllegalStateException("k3s cannot run here: no Docker daemon is reachable");
        }, (platform, spec, results, progress) -> {
            throw new AssertionError("no scenario runs without a platform");
        }, NO_MEASUREMENT));

        int exit = command.execute("--platform", "k3s", "--output", dir.toString());

        assertEquals(3, exit, out + "\n" + err);
        assertEquals(List.of("compare: the k3s platform could not start: k3s cannot run here: no Docker daemon is "
                + "reachable"), err.toString().lines().toList());
        assertTrue(out.toString().contains("No scenario gave a result: no report written."), out.toString());
    }

    @Test
    void theReportCommandWritesTheReportAndPrintsItsPathLast() throws Exception {
        Path results = Files.createDirectories(dir.resolve("results"));
        ResultFiles.write(SampleResults.result("STATEFUL_SET", "POD_KILL").caughtUp(4_000L).build(), results);
        ResultFiles.write(SampleResults.result("DEPLOYMENT", "POD_KILL").caughtUp(8_000L).build(), results);

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
        ResultFiles.write(SampleResults.result("STATEFUL_SET", "POD_KILL").caughtUp(4_000L).build(), baselineResults);
        assertEquals(0, run("report", "--results", baselineResults.toString()));
        Path baseline = baselineResults.resolve("report.json");

        Path slower = Files.createDirectories(dir.resolve("slower"));
        ResultFiles.write(SampleResults.result("STATEFUL_SET", "POD_KILL").caughtUp(9_000L).build(), slower);
        Path similar = Files.createDirectories(dir.resolve("similar"));
        ResultFiles.write(SampleResults.result("STATEFUL_SET", "POD_KILL").caughtUp(4_500L).build(), similar);

        assertEquals(1, run("report", "--results", slower.toString(), "--baseline", baseline.toString()),
                "4 s → 9 s is beyond 20 % and 1 s: " + out);
        assertEquals(0, run("report", "--results", similar.toString(), "--baseline", baseline.toString()),
                "4 s → 4.5 s is within the 1 s floor: " + out);
    }

    /** A scenario played by the test: it gets the spec and the results directory, and returns the result. */
    private interface PlayedScenario {
        RecoveryResult play(ScenarioSpec spec, Path results);
    }

    /** Runs the command with scenarios played by the test, and a capacity of 10,000 records/s unless a rate is given. */
    private int runWith(PlayedScenario scenario, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        if (!all.contains("--rate") && !all.contains("--capacity")) {
            all.addAll(List.of("--capacity", "10000"));
        }
        return runWith(NO_MEASUREMENT, scenario, all.toArray(String[]::new));
    }

    private int runWith(CapacityProbe.Measurement measurement, PlayedScenario scenario, String... args) {
        CommandLine command = commandLine(new CompareCommand((kind, runDir) -> platform,
                (ignored, spec, results, progress) -> {
                    progress.accept("played by the test");
                    RecoveryResult result = scenario.play(spec, results);
                    ResultFiles.write(result, results);
                    return List.of(result);
                }, measurement));
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--output", dir.toString()));
        return command.execute(all.toArray(String[]::new));
    }

    private static final CapacityProbe.Measurement NO_MEASUREMENT = (platform, replicas, partitions, settings, seed, run,
            progress) -> {
        throw new AssertionError("the capacity was given: nothing is measured");
    };

    private static RecoveryResult resultOf(ScenarioSpec spec, Validity validity) {
        return SampleResults.result(spec.variant().name(), spec.fault().name()).scenario(spec.id())
                .guarantee(spec.settings().processingGuarantee().setting())
                .verdict(SampleResults.verdict(validity, 0, 0, validity == Validity.VALID ? 0 : 1, 1, 0)).build();
    }

    private int run(String... args) {
        return commandLine(new CompareCommand()).execute(args);
    }

    private CommandLine commandLine(CompareCommand command) {
        CommandLine commandLine = CompareCommand.commandLine(command);
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine;
    }
}
