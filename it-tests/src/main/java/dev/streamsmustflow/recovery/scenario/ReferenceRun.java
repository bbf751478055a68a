package dev.streamsmustflow.recovery.scenario;

import dev.streamsmustflow.recovery.checker.differential.ExpectedOutput;
import dev.streamsmustflow.recovery.checker.differential.KeyedRecord;
import dev.streamsmustflow.recovery.checker.differential.OutputTopicReader;
import dev.streamsmustflow.recovery.deployment.DeploymentSpec;
import dev.streamsmustflow.recovery.deployment.descriptor.AppDescriptor;
import dev.streamsmustflow.recovery.deployment.descriptor.InputTopic;
import dev.streamsmustflow.recovery.deployment.descriptor.OutputTopic;
import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.platform.DeployedApp;
import dev.streamsmustflow.recovery.platform.Platform;
import dev.streamsmustflow.recovery.workload.replay.ReplayProducer;
import dev.streamsmustflow.recovery.workload.replay.ReplayRecord;
import dev.streamsmustflow.telemetry.RecordCacheSwitch;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The expected output of a described app that names no topology to drive: the run's input again, through the same
 * app on the same platform, with the same pods, partitions and settings, and no fault. Its application id is the
 * run's with {@value #SUFFIX} (a group and changelogs of its own, which the run's teardown deletes with the run's);
 * its topics are the app's own names, so the run's are emptied first: the run's output must have been read before.
 * The recovery agent turns the app's record cache off ({@link RecordCacheSwitch}), so that the reference writes every
 * update of a store, and a run, whose cache lets some through between two commits, can be followed along it.
 *
 * <p>Each input record is sent to the partition the run's went to, with its timestamp, in the run's order; the
 * reference starts once all are in, so each task sees its partitions' records in the same order as in the run.
 * Input whose send failed in the run is not sent: the run's verdict says how much there was.
 */
public final class ReferenceRun {

    /** What the reference's application id adds to the run's. */
    public static final String SUFFIX = "-reference";

    static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private ReferenceRun() {
    }

    /**
     * Runs the reference and returns each output topic's records.
     *
     * @param run the deployment of the run, a described app's ({@link DeploymentSpec#described()})
     * @param input each input topic's records, as the broker acknowledged them in the run, with their partitions
     * @param historyFile where the reference's history goes (its pods' telemetry), for whoever wants to look
     * @param progress told each step as it begins
     */
    public static ExpectedOutput expectedOutput(Platform platform, DeploymentSpec run,
            Map<String, List<ReplayRecord>> input, Path historyFile, Consumer<String> progress) {
        AppDescriptor descriptor = run.described();
        if (descriptor == null) {
            throw new IllegalArgumentException(run.name() + " is the shipped trade-stats: its oracle is built in");
        }
        DeploymentSpec reference = new DeploymentSpec(run.name(), run.applicationId() + SUFFIX, run.variant(),
                run.replicas(), run.topics(), run.settings().withEnv(RecordCacheSwitch.VARIABLE, RecordCacheSwitch.OFF),
                descriptor);
        progress.accept("emptying the app's topics for its reference run");
        DescribedAppTopics.delete(platform.admin(), run.applicationId(), descriptor);
        DescribedAppTopics.create(platform, descriptor);
        StreamsGroupSettings.apply(platform.admin(), reference.applicationId(), reference.settings());
        progress.accept("sending the run's " + input.values().stream().mapToInt(List::size).sum()
                + " input records again, to their partitions");
        for (InputTopic topic : descriptor.inputs()) {
            try (ReplayProducer producer = new ReplayProducer(platform.bootstrapServers(), topic.topic())) {
                producer.sendAll(input.getOrDefault(topic.topic(), List.of()));
            }
        }
        History history = new History();
        try (DeployedApp deployed = platform.deploy(reference, history)) {
            progress.accept("running the reference: " + reference.replicas() + " pods, no fault, no record cache");
            deployed.awaitReady(READY_TIMEOUT);
            Checkpoints checkpoints = new Checkpoints(platform, reference.applicationId(), reference,
                    descriptor.inputs().get(0).partitions(), history, deployed.logDirectory());
            checkpoints.awaitCaughtUp();
            checkpoints.awaitNoOpenTransactions();
            progress.accept("reading the reference's output");
            Map<String, List<KeyedRecord>> written = new LinkedHashMap<>();
            for (OutputTopic output : descriptor.outputs()) {
                written.put(output.topic(), OutputTopicReader.readAll(platform.bootstrapServers(), output,
                        TradeStatsUnderTest.OUTPUT_READ_TIMEOUT));
            }
            return new ExpectedOutput(written, "a fault-free run on " + platform.kind()
                    + " (" + reference.replicas() + " pods, record cache off; logs in " + deployed.logDirectory() + ")");
        } finally {
            history.writeTo(historyFile);
        }
    }
}
