package dev.streamsmustflow.recovery.checker.differential;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamsmustflow.recovery.checker.ConsumerLag;
import dev.streamsmustflow.recovery.checker.Validity;
import dev.streamsmustflow.recovery.deployment.AppSettings;
import dev.streamsmustflow.recovery.deployment.DeploymentSpec;
import dev.streamsmustflow.recovery.deployment.GroupProtocol;
import dev.streamsmustflow.recovery.deployment.ProcessingGuarantee;
import dev.streamsmustflow.recovery.deployment.Variant;
import dev.streamsmustflow.recovery.deployment.descriptor.AppDescriptor;
import dev.streamsmustflow.recovery.deployment.descriptor.DescriptorReader;
import dev.streamsmustflow.recovery.deployment.descriptor.InputTopic;
import dev.streamsmustflow.recovery.deployment.descriptor.OutputTopic;
import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.platform.Deletion;
import dev.streamsmustflow.recovery.platform.DeployedApp;
import dev.streamsmustflow.recovery.platform.PodView;
import dev.streamsmustflow.recovery.platform.local.LocalPlatform;
import dev.streamsmustflow.recovery.platform.local.SharedLocalPlatform;
import dev.streamsmustflow.recovery.scenario.DescribedAppTopics;
import dev.streamsmustflow.recovery.scenario.ReferenceRun;
import dev.streamsmustflow.recovery.workload.replay.RecordFile;
import dev.streamsmustflow.recovery.workload.replay.ReplayProducer;
import dev.streamsmustflow.recovery.workload.replay.ReplayRecord;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The deliberately wrong example (examples/jvm-map-count: a word count in a JVM map, not a state store) run from its
 * descriptor on the local platform, and judged by the differential check against each reference: its own topology
 * in TopologyTestDriver, and a fault-free run of the app itself (what an app without a topology to drive gets).
 * Without faults it is VALID; after its pod is killed (POD_KILL: the process killed, the pod
 * deleted and replaced), the replacement counts from one again, and the check says INVALID and names every word whose count restarted: each word of the first half
 * of the input that comes again in the second, as counted here from the input file.
 */
@ExtendWith(SharedLocalPlatform.class)
class JvmMapCountIT {

    private static final Duration WAIT = Duration.ofMinutes(2);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    /** Of each kind, more than the example's 24 words: every key whose final value is wrong is listed. */
    private static final int EXAMPLES_KEPT = 100;

    private static LocalPlatform platform;
    private static AppDescriptor descriptor;
    private static List<ReplayRecord> sentences;

    @TempDir
    static Path results;

    @BeforeAll
    static void readDescriptor(LocalPlatform shared) {
        platform = shared;
        descriptor = DescriptorReader.read(Path.of(System.getProperty("jvm-map-count.descriptor")));
        InputTopic input = descriptor.inputs().get(0);
        sentences = RecordFile.read(Path.of(input.source().file()), input);
    }

    /** How the expected output is made. */
    enum Reference {
        TOPOLOGY, RUN
    }

    @ParameterizedTest
    @EnumSource(Reference.class)
    void countsRightWithoutFaults(Reference reference) throws Exception {
        TopicComparison comparison = run("jvm-map-count-valid", reference,
                deployed -> deployed.producer().sendAll(sentences));

        assertEquals(Validity.VALID, comparison.validity(), comparison.summary() + " " + comparison.examples());
        assertEquals(comparison.referenceRecords(), comparison.seenRecords(), comparison.summary());
        assertEquals(words(sentences).size(), comparison.seenRecords(), "one count update a word of the input");
    }

    @ParameterizedTest
    @EnumSource(Reference.class)
    void countsFromOneAgainAfterAPodKillAndTheCheckNamesEveryWordWhoseCountRestarted(Reference reference)
            throws Exception {
        List<ReplayRecord> firstHalf = sentences.subList(0, sentences.size() / 2);
        List<ReplayRecord> secondHalf = sentences.subList(sentences.size() / 2, sentences.size());

        TopicComparison comparison = run("jvm-map-count-killed", reference, deployed -> {
            deployed.producer().sendAll(firstHalf);
            deployed.awaitProcessed("the first half");
            DeployedApp app = deployed.app();
            PodView pod = app.pods().get(0);
            app.deletePod(pod, Deletion.IMMEDIATE); // POD_KILL: the process killed, the pod deleted and replaced
            await("a new pod in the place of " + pod.name() + ", ready (logs in " + app.logDirectory() + ")").atMost(WAIT)
                    .until(() -> app.pods().stream().anyMatch(now -> !now.uid().equals(pod.uid()) && now.ready()));
            deployed.producer().sendAll(secondHalf);
        });

        Set<String> restarted = new TreeSet<>(new HashSet<>(words(firstHalf)));
        restarted.retainAll(new HashSet<>(words(secondHalf)));
        assertEquals(Validity.INVALID, comparison.validity(), comparison.summary());
        assertTrue(comparison.count(DifferenceKind.REGRESSED) > 0, comparison.summary());
        assertEquals(restarted, comparison.examples().stream().filter(difference -> difference.kind() == DifferenceKind.WRONG_FINAL)
                .map(Difference::key).collect(Collectors.toCollection(TreeSet::new)),
                "the words whose last count is wrong: those counted before the kill that came again after it ("
                        + comparison.summary() + ")");
    }

    /** What a test does to the deployed app and its input. */
    private interface Steps {
        void run(Deployed deployed) throws Exception;
    }

    /** The app deployed as {@code applicationId}, and the producer of its input. */
    private record Deployed(String applicationId, DeployedApp app, ReplayProducer producer) {

        /** Waits until the group has committed every partition it reads (input and repartition) to its end. */
        void awaitProcessed(String what) {
            await(what + " processed: " + applicationId + "'s committed offsets at the end of every input and "
                    + "repartition partition (logs in " + app.logDirectory() + ")")
                    .atMost(WAIT).pollInterval(Duration.ofMillis(200))
                    .until(() -> new ConsumerLag(platform.admin(), applicationId, descriptor.inputs().get(0).topic(),
                            descriptor.inputs().get(0).partitions(), GroupProtocol.CLASSIC).total() == 0);
        }
    }

    /**
     * Deploys the app (one Deployment pod, exactly-once) as {@code applicationId} and the reference's name, runs
     * {@code steps}, waits until all input is processed, reads the output, and once the pod is gone compares it with
     * the reference for the input the broker acknowledged.
     */
    private static TopicComparison run(String name, Reference kind, Steps steps) throws Exception {
        String applicationId = name + "-" + kind.name().toLowerCase(Locale.ROOT);
        InputTopic input = descriptor.inputs().get(0);
        OutputTopic output = descriptor.outputs().get(0);
        DeploymentSpec spec = new DeploymentSpec(descriptor.name(), applicationId, Variant.DEPLOYMENT, 1,
                new DeploymentSpec.Topics(input.topic(), output.topic(), null),
                // the example reads SESSION_TIMEOUT_MS: the killed process's member is out of the group after 6 s
                AppSettings.exactlyOnce().withEnv("SESSION_TIMEOUT_MS", "6000"), descriptor);
        DescribedAppTopics.create(platform, descriptor);
        try {
            Map<String, List<ReplayRecord>> sent;
            List<KeyedRecord> seen;
            try (ReplayProducer producer = new ReplayProducer(platform.bootstrapServers(), input.topic());
                    DeployedApp app = platform.deploy(spec, new History())) {
                app.awaitReady(WAIT);
                Deployed deployed = new Deployed(applicationId, app, producer);
                steps.run(deployed);
                deployed.awaitProcessed("all input");
                sent = Map.of(input.topic(), producer.acknowledged());
                seen = OutputTopicReader.readAll(platform.bootstrapServers(), output, READ_TIMEOUT);
            }
            ExpectedOutput reference = kind == Reference.TOPOLOGY ? DescriptorReference.expectedOutput(descriptor, sent)
                    : ReferenceRun.expectedOutput(platform, spec, sent,
                            results.resolve(applicationId + ".reference.history.jsonl"), System.out::println);
            assertTrue(reference.method().startsWith(kind == Reference.TOPOLOGY ? "TopologyTestDriver"
                    : "a fault-free run on local"), reference.method());
            return new DifferentialCheck(EXAMPLES_KEPT).compare(output.topic(), output.semantics(),
                    ProcessingGuarantee.EXACTLY_ONCE_V2, reference.of(output.topic()), seen);
        } finally {
            DescribedAppTopics.delete(platform.admin(), applicationId, descriptor);
        }
    }

    /** Every word of the sentences, once for each time it occurs, as the example splits them. */
    private static List<String> words(List<ReplayRecord> records) {
        return records.stream()
                .flatMap(record -> List.of(new String(record.value(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT)
                        .split("\\W+")).stream())
                .filter(word -> !word.isEmpty())
                .toList();
    }
}
