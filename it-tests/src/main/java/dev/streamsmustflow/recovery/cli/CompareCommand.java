package dev.streamsmustflow.recovery.cli;

import dev.streamsmustflow.recovery.benchmark.CapacityProbe;
import dev.streamsmustflow.recovery.deployment.ProcessingGuarantee;
import dev.streamsmustflow.recovery.deployment.Variant;
import dev.streamsmustflow.recovery.deployment.descriptor.AppDescriptor;
import dev.streamsmustflow.recovery.nemesis.Fault;
import dev.streamsmustflow.recovery.platform.PlatformKind;
import dev.streamsmustflow.recovery.workload.WorkloadSpec;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code ./compare}: runs the recovery scenarios of a comparison and writes the report. It prints its
 * progress and warnings only; what the harness's libraries log goes to {@code compare.log} in the
 * output directory. The last line printed is the path of the report. Exit codes: {@link ExitCode}.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        subcommands = {ReportCommand.class, BenchmarkCommand.class},
        description = "Compares deployment strategies of a Kafka Streams app (trade-stats, or yours with --app) for "
                + "recovery cost and correctness: deploys each variant, injects each fault, checks every output value and measures "
                + "the recovery phases, then writes report.json, report.md, summary.md and index.html.",
        exitCodeListHeading = "Exit codes:%n",
        exitCodeList = {"0:done", "1:a baseline regression, or an exactly-once verdict that is not VALID",
            "2:invalid options; nothing ran", "3:the platform could not start or a scenario could not run (what ran is "
                + "reported)"})
public final class CompareCommand implements Callable<Integer> {

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--platform", description = "Where to run: local (no Docker), docker (containers; needs a Docker engine), k3s (Testcontainers; needs Docker) "
            + "or cluster (an existing cluster: the --cluster-* options).")
    PlatformKind platform = PlatformKind.LOCAL;

    @Option(names = "--matrix", description = "Run a named matrix instead of every combination of --variants, --faults, "
            + "--guarantees and --state-records: one factor varied at a time against a baseline, every cell "
            + MatrixPreset.REPETITIONS + " times (more with --repetitions). Presets: ${COMPLETION-CANDIDATES}, "
            + "described below.")
    MatrixPreset matrix;

    @Option(names = "--cells", split = ",", description = "With --matrix: run only these of its cells, named as their "
            + "scenario ids are without platform and repetition, e.g. deployment-pod-delete-eos-leave-500000r (an "
            + "unknown name is refused with the preset's list).")
    List<String> cells;

    @Option(names = "--variants", split = ",", defaultValue = "STATEFUL_SET,DEPLOYMENT",
            description = "Deployment variants: ${COMPLETION-CANDIDATES}.")
    List<Variant> variants;

    /** The faults compared when none are named: those of them the platform can do. */
    static final List<Fault> DEFAULT_FAULTS = List.of(Fault.POD_KILL, Fault.POD_DELETE);

    @Option(names = "--faults", split = ",", description = "Faults to inject: ${COMPLETION-CANDIDATES}.%n"
            + "Default: POD_KILL,POD_DELETE, those the platform can do (cluster, without access to the nodes, cannot "
            + "crash a pod: POD_DELETE).")
    List<Fault> faults;

    @Option(names = "--guarantees", split = ",", defaultValue = "exactly_once_v2",
            description = "Processing guarantees: exactly_once_v2, at_least_once.")
    List<ProcessingGuarantee> guarantees;

    @Option(names = "--replicas", description = "Replicas of the app.")
    int replicas = 3;

    @Option(names = "--partitions", description = "Partitions of the input and output topics (at least the replicas). "
            + "Default: 6; with --app, its input topic's.")
    Integer partitions;

    @Option(names = "--state-records", split = ",", defaultValue = "100000,500000",
            description = "State sizes: changelog records built before the fault (each trade updates five windows). "
                    + "Several sizes give the restore-time-against-size chart.")
    List<Long> stateRecords;

    @Option(names = "--repetitions", description = "Runs of every scenario (repetition r uses seed + r).")
    int repetitions = 1;

    @Option(names = "--reuse-state", description = "Build each scenario's state once (with the seed itself) and hit "
            + "it with all its repetitions in turn, a pod not hit before each time, waiting in between until every pod holds an active "
            + "task and no warm-up (POD_KILL and POD_DELETE only). Saves building large states again; the output is "
            + "checked once, after the last fault on a state. The scaling preset does this.")
    boolean reuseState;

    @Option(names = "--seed", description = "Seed of the generated trades.")
    long seed = WorkloadSpec.DEFAULT_SEED;

    @Option(names = "--session-timeout-ms", description = "session.timeout.ms of the app: how long a dead member "
            + "with dynamic membership holds up the rebalance, and how long a static member may take to come back.%n"
            + "Default: the platform's, long enough for its restart of a pod under load: 15000 on local and docker, "
            + "30000 on k3s, 45000 on cluster.")
    Long sessionTimeoutMs;

    @Option(names = "--malformed-every", description = "One input record in this many is malformed (of every shape the "
            + "app rejects, in turn) and must be dead-lettered; 0 for none.")
    int malformedEvery = WorkloadSpec.DEFAULT_MALFORMED_EVERY;

    @Option(names = "--late-fraction", description = "The fraction of trades sent late: half within the grace period "
            + "(they must count), half beyond it (they must be dropped).")
    double lateFraction = WorkloadSpec.DEFAULT_LATE_FRACTION;

    @Option(names = "--pause-ms", description = "How long PAUSE freezes its pod (default: the session timeout + 10 s, "
            + "so that the group moves its tasks away and the pod comes back a zombie).")
    Long pauseMs;

    @Option(names = "--app-env", description = "A further app setting for every pod, as VARIABLE=value (repeatable), e.g. "
            + "NUM_STANDBY_REPLICAS=1, GROUP_PROTOCOL=streams, KAFKA_STREAMS_STATESTORE_CACHE_MAX_BYTES=0.")
    Map<String, String> appEnv = new LinkedHashMap<>();

    @Option(names = "--output", description = "Directory for the results, the logs and the report (default: "
            + "target/comparison-<time>).")
    Path output;

    @Mixin
    ClusterOptions cluster;

    @Mixin
    LoadOptions load;

    @Mixin
    AppOptions app;

    @Mixin
    BaselineOptions baseline;

    private final PlatformLauncher launcher;
    private final ScenarioRunner runner;
    private final CapacityProbe.Measurement capacityMeasurement;

    /** The real platforms, scenarios and capacity measurements. */
    public CompareCommand() {
        this(null, ScenarioRunner.REAL, CapacityProbe.BENCHMARK);
    }

    /** @param launcher the platforms to start, or null for the real ones */
    CompareCommand(PlatformLauncher launcher, ScenarioRunner runner, CapacityProbe.Measurement capacityMeasurement) {
        this.launcher = launcher;
        this.runner = runner;
        this.capacityMeasurement = capacityMeasurement;
    }

    public static void main(String[] args) {
        System.exit(commandLine(new CompareCommand()).setOut(utf8(System.out)).setErr(utf8(System.err)).execute(args));
    }

    /** {@code ./compare}'s command line around {@code command}: its converters, its one-line errors, its exit codes. */
    public static CommandLine commandLine(CompareCommand command) {
        CommandLine commandLine = new CommandLine(command)
                .setCaseInsensitiveEnumValuesAllowed(true)
                .registerConverter(ProcessingGuarantee.class, ProcessingGuarantee::of)
                .setParameterExceptionHandler(CommandErrors::usage)
                .setExecutionExceptionHandler(CommandErrors::unexpected);
        List<String> sections = new ArrayList<>(commandLine.getHelpSectionKeys());
        sections.add(sections.indexOf(CommandLine.Model.UsageMessageSpec.SECTION_KEY_EXIT_CODE_LIST_HEADING), MATRIX_SECTION);
        commandLine.getHelpSectionMap().put(MATRIX_SECTION, MatrixPreset::helpSection);
        commandLine.setHelpSectionKeys(sections);
        return commandLine;
    }

    @Override
    public Integer call() {
        ComparisonPlan plan;
        try {
            cluster.validate(platform == PlatformKind.CLUSTER);
            baseline.validate();
            List<Fault> chosenFaults = faults != null ? faults
                    : DEFAULT_FAULTS.stream().filter(fault -> fault.runsWith(platform.capabilities())).toList();
            long sessionTimeout = sessionTimeoutMs != null ? sessionTimeoutMs : platform.sessionTimeout().toMillis();
            if (cells != null && matrix == null) {
                throw new IllegalArgumentException("--cells chooses among the cells of a --matrix preset: name one");
            }
            List<ComparisonCell> chosen = matrix != null ? matrixCells()
                    : ComparisonPlan.everyCombination(variants, chosenFaults, guarantees, stateRecords);
            int runs = matrix != null ? Math.max(MatrixPreset.REPETITIONS, repetitions) : repetitions;
            AppDescriptor described = app.described();
            Duration pause = pauseMs == null ? null : Duration.ofMillis(pauseMs);
            plan = new ComparisonPlan(platform, chosen, replicas, ComparisonPlan.partitions(partitions, described), runs,
                    seed, sessionTimeout, appEnv, malformedEvery, lateFraction, pause, reuseState || matrix != null
                    && matrix.reusesState(), load.inputRate(), load.capacity, load.lagBudgetMs, described);
        } catch (IllegalArgumentException | UncheckedIOException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage(), e);
        }
        Path dir = outputDirectory(output, "comparison");
        PrintWriter out = spec.commandLine().getOut();
        try (HarnessLog log = HarnessLog.redirectTo(dir.resolve("compare.log"))) {
            out.println("Harness log (Kafka clients, stack traces): " + log.file());
            PlatformLauncher platforms = launcher != null ? launcher : PlatformLauncher.real(cluster.settings());
            ComparisonRun.Outcome outcome = new ComparisonRun(plan, dir, out, spec.commandLine().getErr(), platforms, runner,
                    capacityMeasurement)
                    .execute();
            // the results were written into dir/results as they came; the report is of this run's, not of older files
            return new ReportPublisher(baseline, out).publish(outcome.results(), "No scenario gave a result", dir,
                    outcome.exit()).code();
        }
    }

    /** {@code chosen}, or {@code target/<name>-<time>} when none was, absolute. */
    static Path outputDirectory(Path chosen, String name) {
        return (chosen != null ? chosen : Path.of("target", name + "-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")))).toAbsolutePath();
    }

    private static final String MATRIX_SECTION = "matrixPresets";

    /** The preset's cells; the options that would choose cells themselves are refused rather than ignored. */
    private List<ComparisonCell> matrixCells() {
        List<String> options = new ArrayList<>(MATRIX_CONFLICTS);
        options.addAll(matrix.setsItsOwnRate() ? LoadOptions.RATE_OPTIONS : List.of());
        List<String> conflicting = options.stream()
                .filter(option -> spec.commandLine().getParseResult().hasMatchedOption(option)).toList();
        if (!conflicting.isEmpty()) {
            throw new IllegalArgumentException("--matrix " + matrix + " chooses its own scenarios: drop "
                    + String.join(", ", conflicting));
        }
        if (cells == null) {
            return matrix.cells();
        }
        List<String> names = matrix.cells().stream().map(ComparisonCell::name).toList();
        List<String> unknown = cells.stream().filter(name -> !names.contains(name)).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("--matrix " + matrix + " has no cell " + String.join(", ", unknown)
                    + "; its cells: " + String.join(", ", names));
        }
        return matrix.cells().stream().filter(cell -> cells.contains(cell.name())).toList();
    }

    private static final List<String> MATRIX_CONFLICTS = List.of("--variants", "--faults", "--guarantees", "--state-records");

    /** Output in UTF-8 whatever the locale: report sentences hold "R²", "×" and "–". */
    private static PrintWriter utf8(OutputStream stream) {
        return new PrintWriter(new OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
    }
}
