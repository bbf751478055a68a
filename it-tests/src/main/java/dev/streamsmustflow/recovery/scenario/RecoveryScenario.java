package dev.streamsmustflow.recovery.scenario;

import static org.awaitility.Awaitility.await;

import dev.streamsmustflow.recovery.checker.ConsumerLag;
import dev.streamsmustflow.recovery.checker.Oracle;
import dev.streamsmustflow.recovery.checker.OutputReader;
import dev.streamsmustflow.recovery.checker.OutputRecord;
import dev.streamsmustflow.recovery.checker.TopicOffsets;
import dev.streamsmustflow.recovery.checker.Verdict;
import dev.streamsmustflow.recovery.deployment.DeploymentSpec;
import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.history.HistoryEvent;
import dev.streamsmustflow.recovery.history.OutputGap;
import dev.streamsmustflow.recovery.history.RecoveryTimeline;
import dev.streamsmustflow.recovery.nemesis.Fault;
import dev.streamsmustflow.recovery.platform.DeployedApp;
import dev.streamsmustflow.recovery.platform.Platform;
import dev.streamsmustflow.recovery.workload.GeneratedTrade;
import dev.streamsmustflow.recovery.workload.TradeGenerator;
import dev.streamsmustflow.recovery.workload.WorkloadProducer;
import dev.streamsmustflow.recovery.workload.WorkloadSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.apache.kafka.common.IsolationLevel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one scenario on a platform: send the state-building trades, deploy, wait until caught up,
 * inject the fault while trades keep coming, wait for recovery, send the rest, wait until caught up
 * again, check the output with the oracle, and derive the timeline from the history.
 */
public final class RecoveryScenario {

    private static final Logger LOG = LoggerFactory.getLogger(RecoveryScenario.class);
    static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    static final Duration CATCH_UP_TIMEOUT = Duration.ofMinutes(5);
    /** Kafka Streams' exactly-once default transaction timeout is 10 s; a killed producer's transaction can hold readers that long. */
    static final Duration OPEN_TRANSACTIONS_TIMEOUT = Duration.ofMinutes(2);

    private final Platform platform;
    private final ScenarioSpec spec;
    private final Path resultsDir;
    private final History history = new History();
    private final Consumer<String> progress;

    private RecoveryScenario(Platform platform, ScenarioSpec spec, Path resultsDir, Consumer<String> progress) {
        this.platform = platform;
        this.spec = spec;
        this.resultsDir = resultsDir;
        this.progress = progress;
    }

    public static RecoveryResult run(Platform platform, ScenarioSpec spec, Path resultsDir) {
        return run(platform, spec, resultsDir, phase -> { });
    }

    /** Runs the scenario and tells {@code progress} each phase as it begins. */
    public static RecoveryResult run(Platform platform, ScenarioSpec spec, Path resultsDir, Consumer<String> progress) {
        return new RecoveryScenario(platform, spec, resultsDir, progress).run();
    }

    private RecoveryResult run() {
        DeploymentSpec deployment = spec.deployment();
        platform.createTopic(deployment.inputTopic(), spec.partitions(), Map.of());
        platform.createTopic(deployment.outputTopic(), spec.partitions(), Map.of("message.timestamp.type", "LogAppendTime"));
        platform.createTopic(deployment.deadLetterTopic(), 1, Map.of());
        WorkloadSpec workload = spec.workload();
        TradeGenerator generator = new TradeGenerator(workload.seed(), workload.symbols(), workload.eventTimeStart(),
                workload.eventTimeStepMs());
        ConsumerLag lag = new ConsumerLag(platform.admin(), deployment.applicationId(), deployment.inputTopic(),
                spec.partitions(), "streams".equals(spec.settings().groupProtocol()));
        try (WorkloadProducer producer = new WorkloadProducer(platform.bootstrapServers(), deployment.inputTopic());
                DeployedApp app = platform.deploy(deployment, history)) {
            progress.accept("building state (" + workload.tradesBefore() + " trades)");
            phase("before", () -> producer.sendAll(take(generator, workload.tradesBefore())));
            app.awaitReady(READY_TIMEOUT);
            awaitCaughtUp(lag, app, "caught-up-before-fault");
            progress.accept("injecting " + spec.fault());

            CompletableFuture<Void> during = producer.sendPaced(take(generator, workload.tradesDuring()), workload.ratePerSecond());
            history.record(HistoryEvent.HARNESS, "workload-phase", null, null, Map.of("phase", "during"));
            HistoryEvent fault = app.inject(spec.fault());
            LOG.info("{}: injected {} into {}", spec.id(), spec.fault(), fault.fields().get("targets"));
            during.join();
            progress.accept("recovering");
            awaitReplacement(app, fault);
            app.awaitReady(READY_TIMEOUT);
            awaitCaughtUp(lag, app, "caught-up");
            phase("after", () -> producer.sendPaced(take(generator, workload.tradesAfter()), workload.ratePerSecond()).join());
            awaitCaughtUp(lag, app, "caught-up-after");
            awaitNoOpenTransactions(deployment.outputTopic());
            progress.accept("checking the output");

            List<OutputRecord> output = OutputReader.readAll(platform.bootstrapServers(), deployment.outputTopic(),
                    Duration.ofMinutes(2));
            Verdict verdict = Oracle.check(producer.sent(), output, spec.settings().processingGuarantee());
            RecoveryTimeline timeline = RecoveryTimeline.derive(history, fault);
            Path historyFile = historyFile();
            RecoveryResult result = new RecoveryResult(RecoveryResult.SCHEMA, spec.id(), platform.name(),
                    platform.description(), spec.variant().name(), spec.fault().name(), spec.replicas(), spec.partitions(),
                    deployment.env(), workload, producer.sent().count(), timeline, timeline.phases(),
                    OutputGap.across(fault.time(), output), timeline.recordsRestored(), verdict,
                    app.logDirectory().toAbsolutePath().toString(), historyFile.toAbsolutePath().toString(), appVersion());
            result.writeTo(resultsDir);
            return result;
        } finally {
            // after the teardown, so that the file holds it too; also when the scenario failed
            history.writeTo(historyFile());
        }
    }

    private Path historyFile() {
        return resultsDir.resolve(spec.id() + ".history.jsonl");
    }

    /** The version the app's pods reported in their {@code started} events. */
    private String appVersion() {
        return history.select(event -> event.is(HistoryEvent.APP, "started")).stream()
                .map(event -> String.valueOf(event.fields().get("version")))
                .findFirst().orElse(null);
    }

    private void phase(String name, Runnable send) {
        history.record(HistoryEvent.HARNESS, "workload-phase", null, null, Map.of("phase", name));
        send.run();
    }

    private static List<GeneratedTrade> take(TradeGenerator generator, int count) {
        List<GeneratedTrade> trades = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            trades.add(generator.next());
        }
        return trades;
    }

    /** A fault that removes pods is over for the harness when pods with new uids run in their place. */
    private void awaitReplacement(DeployedApp app, HistoryEvent fault) {
        Set<Object> targets = Set.copyOf((List<?>) fault.fields().get("targetUids"));
        if (spec.fault() == Fault.CONTAINER_KILL || spec.fault() == Fault.SCALE_IN || spec.fault() == Fault.SCALE_OUT) {
            return;
        }
        await(spec.id() + ": pods " + fault.fields().get("targets") + " replaced by pods with new uids (logs in "
                + app.logDirectory() + ")")
                .atMost(READY_TIMEOUT)
                .until(() -> app.pods().stream().noneMatch(pod -> targets.contains(pod.uid())));
    }

    private void awaitCaughtUp(ConsumerLag lag, DeployedApp app, String checkpoint) {
        await(spec.id() + ": committed offsets of " + spec.id() + " reach the input's end (logs in " + app.logDirectory() + ")")
                .atMost(CATCH_UP_TIMEOUT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> lag.total() == 0);
        history.record(HistoryEvent.HARNESS, checkpoint, null, null, Map.of());
    }

    private void awaitNoOpenTransactions(String topic) {
        TopicOffsets offsets = new TopicOffsets(platform.admin(), topic, spec.partitions());
        await(spec.id() + ": no open transaction on " + topic + " (last stable offset = log end offset)")
                .atMost(OPEN_TRANSACTIONS_TIMEOUT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> offsets.latest(IsolationLevel.READ_COMMITTED).equals(offsets.latest(IsolationLevel.READ_UNCOMMITTED)));
    }
}
