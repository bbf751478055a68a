package dev.streamsmustflow.recovery.scenario;

import static org.awaitility.Awaitility.await;

import dev.streamsmustflow.recovery.checker.ConsumerLag;
import dev.streamsmustflow.recovery.checker.TopicOffsets;
import dev.streamsmustflow.recovery.deployment.DeploymentSpec;
import dev.streamsmustflow.recovery.deployment.descriptor.OutputTopic;
import dev.streamsmustflow.recovery.history.EventType;
import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.history.LagEvents;
import dev.streamsmustflow.recovery.history.LagLevel;
import dev.streamsmustflow.recovery.platform.DeployedApp;
import dev.streamsmustflow.recovery.platform.Platform;
import dev.streamsmustflow.recovery.platform.PodView;
import dev.streamsmustflow.recovery.workload.SteadyLoad;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.IsolationLevel;

/**
 * The points a scenario waits for: the app recovered, caught up with its input (at its end, or while the input
 * flows back at its pre-fault lag), no transaction left open on the topics it writes (output and dead letters).
 */
final class Checkpoints {

    static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(5);
    /** How long the input flows before its lag is taken as the pre-fault level: the app's fetches settle to it. */
    static final Duration LEVEL_WARM_UP = Duration.ofSeconds(1);
    /**
     * Kafka Streams' exactly-once default {@code transaction.timeout.ms}: a killed producer's transaction
     * holds readers that long, and a transaction its coordinator finds older when it is back is aborted.
     */
    static final Duration TRANSACTION_TIMEOUT = Duration.ofSeconds(10);
    static final Duration OPEN_TRANSACTIONS_TIMEOUT = Duration.ofMinutes(2);
    /**
     * A Deployment's replacement gets its tasks when its warm-ups have caught up and a probing rebalance comes:
     * with {@code probing.rebalance.interval.ms} at its least, 60 s, a few minutes even for large state.
     */
    static final Duration BALANCE_TIMEOUT = Duration.ofMinutes(8);
    /** How long the assignment must stay balanced: longer than the two rounds of a cooperative rebalance. */
    static final Duration BALANCE_HELD = Duration.ofSeconds(5);

    private final String scenario;
    private final int standbyReplicas;
    private final History history;
    private final Path logs;
    private final ConsumerLag lag;
    private final List<TopicOffsets> written;

    Checkpoints(Platform platform, ScenarioSpec spec, History history, Path logs) {
        this(platform, spec.id(), spec.deployment(), spec.partitions(), history, logs);
    }

    /** The points of any deployment, a reference run's too: {@code scenario} names it in what a wait says. */
    Checkpoints(Platform platform, String scenario, DeploymentSpec deployment, int partitions, History history,
            Path logs) {
        this.scenario = scenario;
        this.standbyReplicas = deployment.settings().effectiveStandbyReplicas();
        this.history = history;
        this.logs = logs;
        this.lag = new ConsumerLag(platform.admin(), deployment.applicationId(), deployment.topics().input(),
                partitions, deployment.settings().effectiveGroupProtocol());
        List<TopicOffsets> outputs = new ArrayList<>();
        List<String> outputTopics = deployment.described() == null ? List.of(deployment.topics().output())
                : deployment.described().outputs().stream().map(OutputTopic::topic).toList();
        outputTopics.forEach(topic -> outputs.add(new TopicOffsets(platform.admin(), topic, partitions)));
        if (deployment.topics().deadLetter() != null) {
            outputs.add(new TopicOffsets(platform.admin(), deployment.topics().deadLetter(),
                    ScenarioTopics.DEAD_LETTER_PARTITIONS));
        }
        this.written = List.copyOf(outputs);
    }

    /** Waits until the committed offsets reach the input's end, and records {@code checkpoint}. */
    void awaitCaughtUp(EventType checkpoint) {
        awaitCaughtUp();
        history.record(checkpoint, Map.of());
    }

    /**
     * Waits until the app has recovered from a fault: the wanted number of pods runs, each is ready or
     * {@linkplain IdlePods idle} (given no task). A pod that got no task is not waited for: the others process
     * everything, and it would wait for a probing rebalance; the timeline then says that it never became ready.
     * Whether the app has caught up is {@link #awaitCaughtUp(LagWatch, LagLevel, long, long)}'s to wait for.
     */
    void awaitRecovered(DeployedApp app, Duration timeout) {
        await(scenario + ": all " + app.wantedReplicas() + " pods running, each ready or given no task (logs in "
                + logs + ")")
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> {
                    List<PodView> pods = app.pods();
                    return pods.size() == app.wantedReplicas() && pods.stream().allMatch(pod -> pod.running()
                            && (pod.ready() || IdlePods.isIdle(pod, history, System.currentTimeMillis())));
                });
    }

    /** Starts sampling the lag while the input flows. */
    LagWatch watchLag() {
        return LagWatch.start(lag, history);
    }

    /**
     * Waits while the input flows for {@link #LEVEL_WARM_UP} and then the load's level window, measures the lag the
     * app keeps at that rate from the samples of the window, and records it.
     *
     * @throws IllegalStateException when the app does not keep up with the rate: its lag grows without a fault
     */
    LagLevel measureLevel(LagWatch watch, long inputStarted, SteadyLoad load, int ratePerSecond) {
        long from = inputStarted + LEVEL_WARM_UP.toMillis();
        long to = from + load.levelWindowMs();
        await(scenario + ": the input flowing for " + (to - inputStarted) + " ms, lag sampled meanwhile")
                .atMost(Duration.ofMillis(to - inputStarted).plus(CATCH_UP_TIMEOUT))
                .pollInterval(Duration.ofMillis(LagWatch.INTERVAL_MS))
                .until(() -> System.currentTimeMillis() >= to && !watch.since(from).isEmpty());
        List<LagEvents.Sample> window = watch.since(from).stream().filter(sample -> sample.time() <= to).toList();
        LagLevel level = LagLevel.of(window.isEmpty() ? watch.since(from) : window, ratePerSecond, to);
        if (!level.keepsUp()) {
            throw new IllegalStateException("the app does not keep up with " + ratePerSecond + " records/s here: "
                    + "before the fault its lag reached " + level.highest() + " records, more than "
                    + LagLevel.KEEPING_UP_SECONDS + " s of input (samples " + window + "); give a lower rate (--rate)");
        }
        level.recordIn(history);
        return level;
    }

    /**
     * Waits until the lag sampled since {@code from} is back at {@code level} and stays there for {@code heldMs}
     * while the input flows, and records {@link EventType#CAUGHT_UP} at the time it got back.
     */
    void awaitCaughtUp(LagWatch watch, LagLevel level, long from, long heldMs) {
        await(scenario + ": the lag back at its pre-fault level (at most " + level.bound() + " records) for " + heldMs
                + " ms (logs in " + logs + ")")
                .atMost(CATCH_UP_TIMEOUT)
                .pollInterval(Duration.ofMillis(LagWatch.INTERVAL_MS))
                .until(() -> level.caughtUpSince(watch.since(from), heldMs, System.currentTimeMillis()) != null);
        long since = level.caughtUpSince(watch.since(from), heldMs, System.currentTimeMillis());
        LagEvents.recordCaughtUp(history, since, heldMs);
    }

    /**
     * Waits until the assignment is {@linkplain BalancedAssignment balanced} for {@link #BALANCE_HELD}; whether the app
     * has caught up is {@link #awaitCaughtUp(EventType)}'s to wait for.
     */
    void awaitBalanced(DeployedApp app) {
        await(scenario + ": every pod ready with an active task" + (standbyReplicas > 0 ? "" : " and no warm-up")
                + " for " + BALANCE_HELD.toSeconds() + " s (logs in " + logs
                + "; a Deployment's replacement waits for a probing rebalance: probing.rebalance.interval.ms)")
                .atMost(BALANCE_TIMEOUT)
                .during(BALANCE_HELD)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> BalancedAssignment.holds(app.pods(), app.wantedReplicas(), history, standbyReplicas));
    }

    /** Waits until the committed offsets reach the input's end. */
    void awaitCaughtUp() {
        await(scenario + ": committed offsets reach the input's end (logs in " + logs + ")")
                .atMost(CATCH_UP_TIMEOUT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> lag.total() == 0);
    }

    /**
     * Waits until a read_committed reader can read the whole output and every dead letter: on each
     * topic the last stable offset is the end. A crashed Deployment pod's transaction stays open until
     * the coordinator aborts it (its replacement has a new transactional id, which fences nothing), and
     * holds back what the replacement wrote after it on the same partition.
     */
    void awaitNoOpenTransactions() {
        await(scenario + ": no open transaction on " + written.stream().map(TopicOffsets::topic).toList()
                + " (last stable offset = log end offset)")
                .atMost(OPEN_TRANSACTIONS_TIMEOUT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> written.stream().allMatch(topic ->
                        topic.latest(IsolationLevel.READ_COMMITTED).equals(topic.latest(IsolationLevel.READ_UNCOMMITTED))));
    }
}
