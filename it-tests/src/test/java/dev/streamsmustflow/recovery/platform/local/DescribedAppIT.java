package dev.streamsmustflow.recovery.platform.local;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamsmustflow.recovery.checker.ConsumerLag;
import dev.streamsmustflow.recovery.checker.differential.KeyedRecord;
import dev.streamsmustflow.recovery.checker.differential.OutputTopicReader;
import dev.streamsmustflow.recovery.deployment.AppSettings;
import dev.streamsmustflow.recovery.deployment.DeploymentSpec;
import dev.streamsmustflow.recovery.deployment.GroupProtocol;
import dev.streamsmustflow.recovery.deployment.Variant;
import dev.streamsmustflow.recovery.deployment.descriptor.AppDescriptor;
import dev.streamsmustflow.recovery.deployment.descriptor.DescriptorReader;
import dev.streamsmustflow.recovery.deployment.descriptor.InputTopic;
import dev.streamsmustflow.recovery.history.AppEvent;
import dev.streamsmustflow.recovery.history.EventType;
import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.history.HistoryEvent;
import dev.streamsmustflow.recovery.platform.Deletion;
import dev.streamsmustflow.recovery.platform.DeployedApp;
import dev.streamsmustflow.recovery.platform.PodView;
import dev.streamsmustflow.recovery.scenario.DescribedAppTopics;
import dev.streamsmustflow.recovery.workload.replay.RecordFile;
import dev.streamsmustflow.recovery.workload.replay.ReplayProducer;
import dev.streamsmustflow.recovery.workload.replay.ReplayRecord;
import dev.streamsmustflow.telemetry.TelemetryField;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The word count example (examples/word-count), which knows nothing of the harness, deployed from its descriptor on
 * the local platform: its own jar and main class, the environment its descriptor gives with each placeholder filled
 * for the pod, and the recovery agent attached. The harness reads its readiness, tasks and restores from the agent's
 * lines as it reads trade-stats'. A Deployment pod counts the descriptor's input file and is deleted gracefully
 * (the app's own hook closes Kafka Streams on SIGTERM); its replacement starts on an empty state directory and
 * restores every count from the changelog, from offset 0, and the agent reports each restore with the records it
 * loaded: together, all the changelog holds. The final counts are the words of the file, counted here.
 */
@ExtendWith(SharedLocalPlatform.class)
class DescribedAppIT {

    private static final String APPLICATION_ID = "described-word-count";
    private static final Duration WAIT = Duration.ofMinutes(2);

    private LocalPlatform platform;
    private AppDescriptor descriptor;

    @Test
    void runsAnAppFromItsDescriptorAndReadsItsRestoresThroughTheAgent(LocalPlatform shared) throws Exception {
        platform = shared;
        descriptor = DescriptorReader.read(Path.of(System.getProperty("word-count.descriptor")));
        InputTopic input = descriptor.inputs().get(0);
        String output = descriptor.outputs().get(0).topic();
        Admin admin = platform.admin();
        DescribedAppTopics.create(platform, descriptor);
        Path file = Path.of(input.source().file());
        List<ReplayRecord> records = RecordFile.read(file, input);
        try (ReplayProducer producer = new ReplayProducer(platform.bootstrapServers(), input.topic())) {
            producer.sendAll(records);
        }
        ConsumerLag lag = new ConsumerLag(admin, APPLICATION_ID, input.topic(), input.partitions(), GroupProtocol.CLASSIC);

        DeploymentSpec spec = new DeploymentSpec(descriptor.name(), APPLICATION_ID, Variant.DEPLOYMENT, 1,
                new DeploymentSpec.Topics(input.topic(), output, null),
                // the example reads SESSION_TIMEOUT_MS: a member gone without a word is out of the group after 6 s
                AppSettings.exactlyOnce().withEnv("SESSION_TIMEOUT_MS", "6000"), descriptor);
        History history = new History();
        try (DeployedApp app = platform.deploy(spec, history)) {
            String where = " (input " + file + "; pod logs in " + app.logDirectory() + ")";
            app.awaitReady(WAIT);
            await("the first pod processed all " + records.size() + " sentences" + where).atMost(WAIT)
                    .pollInterval(Duration.ofMillis(200))
                    .until(() -> lag.total() == 0);
            PodView first = app.pods().get(0);
            app.deletePod(first, Deletion.GRACEFUL);
            await("a new pod restored and became ready" + where).atMost(WAIT).pollInterval(Duration.ofMillis(200))
                    .until(() -> app.pods().stream().anyMatch(pod -> !pod.uid().equals(first.uid()) && pod.ready()));
            PodView second = app.pods().stream().filter(pod -> !pod.uid().equals(first.uid())).findFirst().orElseThrow();

            String context = where + "; history: " + history.events();
            assertTrue(eventsOf(history, first, EventType.STOPPED).size() == 1,
                    "the agent wrote stopped when the app's own hook closed it on SIGTERM" + context);
            List<HistoryEvent> started = eventsOf(history, second, EventType.STARTED);
            assertEquals(List.of(APPLICATION_ID), started.stream()
                    .map(event -> event.textField(TelemetryField.APPLICATION_ID.wireName())).toList(),
                    "started once, with the application id the harness filled in" + context);
            assertTrue(eventsOf(history, second, EventType.TASKS_ASSIGNED).stream()
                    .anyMatch(event -> new AppEvent(event).holdsTasks()), "tasks assigned" + context);

            Map<TopicPartition, Long> changelogEnds = changelogEnds(admin, input.partitions());
            List<HistoryEvent> starts = eventsOf(history, second, EventType.RESTORE_START);
            List<HistoryEvent> ends = eventsOf(history, second, EventType.RESTORE_END);
            assertEquals(changelogEnds.keySet(), starts.stream().map(DescribedAppIT::partition).collect(Collectors.toSet()),
                    "a restore of every changelog partition" + context);
            assertTrue(starts.stream().allMatch(event -> Long.valueOf(0).equals(
                    event.longField(TelemetryField.START_OFFSET.wireName()))),
                    "a new Deployment pod's empty state directory restores from offset 0" + context);
            long restored = ends.stream().mapToLong(event -> event.longField(TelemetryField.RECORDS_RESTORED.wireName())).sum();
            long inChangelog = changelogEnds.values().stream().mapToLong(Long::longValue).sum();
            assertTrue(inChangelog > 0, "the first pod wrote counts to the changelog" + context);
            // under exactly-once a changelog partition holds a commit marker after each transaction: the restore
            // loads the records, not the markers
            assertTrue(restored > 0 && restored <= inChangelog, "the restores loaded " + restored + " records of the "
                    + inChangelog + " offsets the changelog holds, " + changelogEnds + context);
            long lastRestoreEnd = ends.stream().mapToLong(HistoryEvent::time).max().orElseThrow();
            long firstReady = eventsOf(history, second, EventType.READINESS).stream()
                    .filter(event -> new AppEvent(event).ready()).mapToLong(HistoryEvent::time).min().orElseThrow();
            assertTrue(firstReady >= lastRestoreEnd, "ready only once every restore had ended" + context);

            // nothing was sent since: the second pod has nothing to process, unless the first had not committed all
            assertEquals(0, lag.total(), "nothing left to process" + where);
            assertEquals(wordCounts(records), finalCounts(), "each word's last count is its count in " + file + where);
        }
    }

    @AfterEach
    void deleteTopics() {
        if (platform != null && descriptor != null) {
            DescribedAppTopics.delete(platform.admin(), APPLICATION_ID, descriptor);
        }
    }

    /** The words of the sentences counted as the example counts them: lower case, split at every non-word character. */
    private static Map<String, Long> wordCounts(List<ReplayRecord> records) {
        Map<String, Long> counts = new TreeMap<>();
        for (ReplayRecord record : records) {
            for (String word : new String(record.value(), StandardCharsets.UTF_8).toLowerCase(Locale.ROOT).split("\\W+")) {
                if (!word.isEmpty()) {
                    counts.merge(word, 1L, Long::sum);
                }
            }
        }
        return counts;
    }

    /** The last count of every word in the output topic, read committed. */
    private Map<String, Long> finalCounts() {
        Map<String, Long> counts = new TreeMap<>();
        for (KeyedRecord record : OutputTopicReader.readAll(platform.bootstrapServers(), descriptor.outputs().get(0),
                Duration.ofSeconds(30))) {
            counts.put(record.key(), Long.parseLong(record.value()));
        }
        return counts;
    }

    private static List<HistoryEvent> eventsOf(History history, PodView pod, EventType type) {
        return history.select(event -> event.is(type) && pod.uid().equals(event.uid()));
    }

    private static Map<TopicPartition, Long> changelogEnds(Admin admin, int partitions) throws Exception {
        List<TopicPartition> changelogs = new ArrayList<>();
        for (String topic : admin.listTopics().names().get(10, TimeUnit.SECONDS)) {
            if (topic.startsWith(APPLICATION_ID + "-") && topic.endsWith("-changelog")) {
                for (int partition = 0; partition < partitions; partition++) {
                    changelogs.add(new TopicPartition(topic, partition));
                }
            }
        }
        return admin.listOffsets(changelogs.stream().collect(Collectors.toMap(partition -> partition,
                partition -> OffsetSpec.latest()))).all().get(10, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    private static TopicPartition partition(HistoryEvent event) {
        return new TopicPartition(event.textField(TelemetryField.TOPIC.wireName()),
                event.longField(TelemetryField.PARTITION.wireName()).intValue());
    }
}
