package dev.streamsmustflow.recovery.cli;

import dev.streamsmustflow.recovery.deployment.Variant;
import dev.streamsmustflow.recovery.nemesis.Fault;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
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
 * {@code ./compare}: runs the recovery scenarios of a comparison and writes the report. The last line
 * printed is the path of the report. Exit codes: 0 done; 1 a regression against the baseline or an
 * exactly-once verdict that is not VALID; 2 invalid options; 3 a scenario could not run.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, sortOptions = false, showDefaultValues = true,
        subcommands = ReportCommand.class,
        description = "Compares deployment strategies of the trade-stats Kafka Streams app for recovery cost and "
                + "correctness: deploys each variant, injects each fault, checks every output value and measures "
                + "the recovery phases, then writes report.json, report.md and index.html.")
public final class RecoveryHarnessCommand implements Callable<Integer> {

    static final int EXIT_FAILED_CHECK = 1;
    static final int EXIT_SCENARIO_ERROR = 3;

    @Spec
    CommandLine.Model.CommandSpec spec;

    @Option(names = "--platform", description = "Where to run: local (no Docker), k3s (Testcontainers) or cluster "
            + "(-Drecovery.cluster.* properties, see the README).")
    String platform = "local";

    @Option(names = "--variants", split = ",", defaultValue = "STATEFUL_SET,DEPLOYMENT",
            description = "Deployment variants: ${COMPLETION-CANDIDATES}.")
    List<Variant> variants;

    @Option(names = "--faults", split = ",", defaultValue = "POD_KILL,POD_DELETE",
            description = "Faults to inject: ${COMPLETION-CANDIDATES}.")
    List<Fault> faults;

    @Option(names = "--guarantees", split = ",", defaultValue = "exactly_once_v2",
            description = "Processing guarantees: exactly_once_v2, at_least_once.")
    List<String> guarantees;

    @Option(names = "--replicas", description = "Replicas of the app.")
    int replicas = 3;

    @Option(names = "--partitions", description = "Partitions of the input and output topics (at least the replicas).")
    int partitions = 6;

    @Option(names = "--state-records", split = ",", defaultValue = "50000,150000",
            description = "State sizes: changelog records built before the fault (each trade updates five windows). "
                    + "Several sizes give the restore-time-against-size chart.")
    List<Long> stateRecords;

    @Option(names = "--repetitions", description = "Runs of every scenario (repetition r uses seed + r).")
    int repetitions = 1;

    @Option(names = "--seed", description = "Seed of the generated trades.")
    long seed = 20261126L;

    @Option(names = "--session-timeout-ms", description = "session.timeout.ms of the app: how long a dead member "
            + "with dynamic membership holds up the rebalance.")
    long sessionTimeoutMs = 10_000;

    @Option(names = "--app-env", description = "A further app setting for every pod, as VARIABLE=value (repeatable), e.g. "
            + "NUM_STANDBY_REPLICAS=1, GROUP_PROTOCOL=streams, KAFKA_STREAMS_STATESTORE_CACHE_MAX_BYTES=0.")
    Map<String, String> appEnv = new LinkedHashMap<>();

    @Option(names = "--output", description = "Directory for the results and the report (default: "
            + "target/comparison-<time>).")
    Path output;

    @Mixin
    BaselineOptions baseline;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        return new CommandLine(new RecoveryHarnessCommand()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public Integer call() {
        ComparisonPlan plan;
        try {
            plan = new ComparisonPlan(platform, variants, faults, guarantees, stateRecords, replicas, partitions,
                    repetitions, seed, sessionTimeoutMs, appEnv);
        } catch (IllegalArgumentException e) {
            throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
        }
        Path dir = output != null ? output : Path.of("target", "comparison-"
                + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        PrintWriter out = spec.commandLine().getOut();
        ComparisonRun run = new ComparisonRun(plan, dir.toAbsolutePath(), out);
        int exit = run.execute();
        return baseline.finish(dir.toAbsolutePath(), out, exit);
    }
}
