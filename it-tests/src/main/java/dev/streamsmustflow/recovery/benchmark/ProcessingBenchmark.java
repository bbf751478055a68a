package dev.streamsmustflow.recovery.benchmark;

import static org.awaitility.Awaitility.await;

import dev.streamsmustflow.recovery.checker.ConsumerLag;
import dev.streamsmustflow.recovery.deployment.AppSettings;
import dev.streamsmustflow.recovery.deployment.AppVariable;
import dev.streamsmustflow.recovery.deployment.DeploymentSpec;
import dev.streamsmustflow.recovery.deployment.ProcessingGuarantee;
import dev.streamsmustflow.recovery.deployment.Variant;
import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.platform.DeployedApp;
import dev.streamsmustflow.recovery.platform.Platform;
import dev.streamsmustflow.recovery.scenario.ScenarioTopics;
import dev.streamsmustflow.recovery.scenario.StreamsGroupSettings;
import dev.streamsmustflow.recovery.workload.TradeGenerator;
import dev.streamsmustflow.recovery.workload.WorkloadProducer;
import dev.streamsmustflow.recovery.workload.WorkloadSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The processing benchmark: the trade-stats topology against a pass-through Kafka Streams app
 * ({@code TOPOLOGY=pass-through}) on the same broker, partitions, replicas and settings. Each run writes
 * its trades first, then deploys the app and follows its committed input offsets to the end; the steady
 * rate is taken between a fifth and four fifths of the input. The ratio of the two rates is what the
 * topology costs over reading and writing the records.
 */
public final class ProcessingBenchmark {

    public static final List<String> TOPOLOGIES = List.of("trade-stats", "pass-through");
    private static final Duration PROCESSING_TIMEOUT = Duration.ofMinutes(15);

    private final Platform platform;
    private final int trades;
    private final int replicas;
    private final int partitions;
    private final AppSettings settings;
    private final long seed;

    /** The benchmark under {@code guarantee}, with the settings of the platform's scenarios. */
    public ProcessingBenchmark(Platform platform, int trades, int replicas, int partitions, ProcessingGuarantee guarantee,
            long seed) {
        this(platform, trades, replicas, partitions,
                AppSettings.forScenario(guarantee, platform.kind().sessionTimeout().toMillis()), seed);
    }

    /** The benchmark with the app's {@code settings} (a scenario's: {@link CapacityProbe}); the topology is its own. */
    public ProcessingBenchmark(Platform platform, int trades, int replicas, int partitions, AppSettings settings,
            long seed) {
        if (trades < 10) {
            throw new IllegalArgumentException("a benchmark needs at least 10 trades, was " + trades);
        }
        this.platform = platform;
        this.trades = trades;
        this.replicas = replicas;
        this.partitions = partitions;
        this.settings = settings;
        this.seed = seed;
    }

    /** Runs each topology {@code repetitions} times, alternating, and tells {@code progress} each step. */
    public List<ThroughputRun> run(int repetitions, Consumer<String> progress) {
        List<ThroughputRun> runs = new ArrayList<>();
        for (int repetition = 1; repetition <= repetitions; repetition++) {
            for (String topology : TOPOLOGIES) {
                ThroughputRun run = measure(topology, repetition, progress);
                progress.accept(String.format("%s run %d: %,.0f records/s steady, %,d ms in all", topology, repetition,
                        run.steadyRecordsPerSecond(), run.totalMs()));
                runs.add(run);
            }
        }
        return runs;
    }

    /** One run of {@code topology}: writes the trades, deploys the app and follows its committed offsets to the end. */
    ThroughputRun measure(String topology, int repetition, Consumer<String> progress) {
        String id = "benchmark-" + topology + "-" + settings.effectiveProcessingGuarantee().shortName() + "-rep" + repetition;
        DeploymentSpec.Topics topics = DeploymentSpec.Topics.prefixedWith(id);
        ScenarioTopics.create(platform, topics, partitions);
        WorkloadSpec workload = new WorkloadSpec(seed + repetition, 200, WorkloadSpec.startingNow(), 5, trades, 1, 0,
                0.0, 0, null);
        progress.accept(topology + " run " + repetition + ": writing " + trades + " trades");
        try (WorkloadProducer producer = new WorkloadProducer(platform.bootstrapServers(), topics.input())) {
            producer.sendAll(new TradeGenerator(workload, AppSettings.DEFAULT_GRACE_MS).take(trades));
        }
        AppSettings run = settings.withEnv(AppVariable.TOPOLOGY, topology);
        DeploymentSpec spec = new DeploymentSpec(DeploymentSpec.APP_NAME, id, Variant.DEPLOYMENT, replicas, topics, run);
        StreamsGroupSettings.apply(platform.admin(), id, run);
        ConsumerLag lag = new ConsumerLag(platform.admin(), id, topics.input(), partitions, run.effectiveGroupProtocol());
        progress.accept(topology + " run " + repetition + ": processing");
        CommittedProgress committed = new CommittedProgress(trades);
        long deployed = System.nanoTime();
        try (DeployedApp app = platform.deploy(spec, new History())) {
            await(id + ": committed offsets at the input's end (logs in " + app.logDirectory() + ")")
                    .atMost(PROCESSING_TIMEOUT)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> committed.sample(System.nanoTime(), trades - lag.total()));
        }
        ScenarioTopics.delete(platform.admin(), id, topics);
        return new ThroughputRun(topology, repetition, trades, committed.steadyRecordsPerSecond(),
                Duration.ofNanos(committed.lastSampleNanos() - deployed).toMillis());
    }
}
