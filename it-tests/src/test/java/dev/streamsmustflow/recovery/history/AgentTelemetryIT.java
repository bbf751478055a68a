package dev.streamsmustflow.recovery.history;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamsmustflow.recovery.checker.differential.WordCountApplication;
import dev.streamsmustflow.recovery.platform.local.LocalPlatform;
import dev.streamsmustflow.recovery.platform.local.SharedLocalPlatform;
import dev.streamsmustflow.telemetry.TelemetryField;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Kafka Streams app that knows nothing of the harness (the word count), run with the recovery agent on a real
 * broker: the harness reads its restores, tasks and readiness from the agent's lines as it reads trade-stats'. A first
 * instance counts the input and is stopped (SIGTERM, its own shutdown hook closes it); a second starts on an empty
 * state directory and restores every count from the changelog, from offset 0, and the agent reports each restore
 * with the records it loaded: together, all the changelog holds.
 */
@ExtendWith(SharedLocalPlatform.class)
class AgentTelemetryIT {

    private static final long SEED = 20261207L;
    private static final int SENTENCES = 2_000;
    private static final int PARTITIONS = 2;
    private static final List<String> WORDS = List.of("streams", "must", "flow", "state", "restore", "changelog", "pod",
            "kill", "ready", "task", "window", "count", "topic", "broker", "commit", "offset");
    private static final Duration WAIT = Duration.ofSeconds(90);

    @TempDir
    Path dir;

    @Test
    void readsTheRestoresOfAnAppThatKnowsNothingOfTheHarness(LocalPlatform platform) throws Exception {
        String applicationId = "agent-word-count";
        Admin admin = platform.admin();
        admin.createTopics(List.of(new NewTopic("sentences", PARTITIONS, (short) 1),
                new NewTopic("word-counts", PARTITIONS, (short) 1))).all().get(30, TimeUnit.SECONDS);
        sendSentences(platform.bootstrapServers());

        Instance first = Instance.start("word-count-0", platform.bootstrapServers(), dir.resolve("state-0"), applicationId, dir);
        try {
            await("the first instance committed all " + SENTENCES + " sentences (seed " + SEED + "; its output: "
                    + first.stdout + ")").atMost(WAIT).pollInterval(Duration.ofMillis(200))
                    .until(() -> committed(admin, applicationId) == SENTENCES);
        } finally {
            first.stop();
        }
        List<HistoryEvent> firstEvents = first.events();
        assertTrue(firstEvents.stream().anyMatch(event -> event.is(EventType.STOPPED)),
                "the agent wrote stopped when the app's own hook closed it on SIGTERM: " + firstEvents);

        Map<TopicPartition, Long> changelogEnds = changelogEnds(admin, applicationId);
        Instance second = Instance.start("word-count-1", platform.bootstrapServers(), dir.resolve("state-1"), applicationId, dir);
        List<HistoryEvent> events;
        try {
            await("the second instance restored and became ready (its output: " + second.stdout + ")").atMost(WAIT)
                    .pollInterval(Duration.ofMillis(200)).until(() -> second.events().stream()
                            .anyMatch(event -> event.is(EventType.READINESS) && Boolean.TRUE.equals(event.fields().get(TelemetryField.READY.wireName()))));
            events = second.events();
        } finally {
            second.stop();
        }

        String context = " (seed " + SEED + "; the second instance's telemetry: " + events + ")";
        assertTrue(events.stream().anyMatch(event -> event.is(EventType.STARTED)
                && applicationId.equals(event.fields().get(TelemetryField.APPLICATION_ID.wireName()))), "started, with the app's id" + context);
        assertTrue(events.stream().anyMatch(event -> event.is(EventType.TASKS_ASSIGNED) && new AppEvent(event).holdsTasks()),
                "tasks assigned" + context);
        List<HistoryEvent> starts = events.stream().filter(event -> event.is(EventType.RESTORE_START)).toList();
        List<HistoryEvent> ends = events.stream().filter(event -> event.is(EventType.RESTORE_END)).toList();
        assertEquals(changelogEnds.keySet(), starts.stream().map(AgentTelemetryIT::partition).collect(Collectors.toSet()),
                "a restore of every changelog partition" + context);
        assertTrue(starts.stream().allMatch(event -> Long.valueOf(0).equals(event.longField(TelemetryField.START_OFFSET.wireName()))),
                "an empty state directory restores from offset 0" + context);
        long restored = ends.stream().mapToLong(event -> event.longField(TelemetryField.RECORDS_RESTORED.wireName())).sum();
        long inChangelog = changelogEnds.values().stream().mapToLong(Long::longValue).sum();
        assertTrue(inChangelog > 0, "the first instance wrote counts to the changelog" + context);
        assertEquals(inChangelog, restored, "the restores loaded all the changelog held, " + changelogEnds + context);
        long lastRestoreEnd = ends.stream().mapToLong(HistoryEvent::time).max().orElseThrow();
        long firstReady = events.stream().filter(event -> event.is(EventType.READINESS)
                && Boolean.TRUE.equals(event.fields().get(TelemetryField.READY.wireName())))
                .mapToLong(HistoryEvent::time).min().orElseThrow();
        assertTrue(firstReady >= lastRestoreEnd, "ready only once every restore had ended" + context);
    }

    private static void sendSentences(String bootstrapServers) throws Exception {
        Properties properties = new Properties();
        properties.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        Random random = new Random(SEED);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(properties, new StringSerializer(), new StringSerializer())) {
            for (int i = 0; i < SENTENCES; i++) {
                String sentence = WORDS.get(random.nextInt(WORDS.size())) + " " + WORDS.get(random.nextInt(WORDS.size()));
                producer.send(new ProducerRecord<>("sentences", String.valueOf(i), sentence));
            }
            producer.flush();
        }
    }

    private static long committed(Admin admin, String applicationId) throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(applicationId)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        return offsets.entrySet().stream().filter(entry -> entry.getKey().topic().equals("sentences") && entry.getValue() != null)
                .mapToLong(entry -> entry.getValue().offset()).sum();
    }

    private static Map<TopicPartition, Long> changelogEnds(Admin admin, String applicationId) throws Exception {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : admin.listTopics().names().get(10, TimeUnit.SECONDS)) {
            if (topic.startsWith(applicationId) && topic.endsWith("-changelog")) {
                for (int partition = 0; partition < PARTITIONS; partition++) {
                    partitions.add(new TopicPartition(topic, partition));
                }
            }
        }
        return admin.listOffsets(partitions.stream().collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest())))
                .all().get(10, TimeUnit.SECONDS).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
    }

    private static TopicPartition partition(HistoryEvent event) {
        return new TopicPartition((String) event.fields().get(TelemetryField.TOPIC.wireName()),
                event.longField(TelemetryField.PARTITION.wireName()).intValue());
    }

    /** One JVM of the app with the agent; its stdout in a file the harness reads as it reads a pod's log. */
    private record Instance(String name, Process process, Path stdout) {

        static Instance start(String name, String bootstrapServers, Path stateDir, String applicationId, Path dir)
                throws IOException {
            Path stdout = dir.resolve(name + ".log");
            Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:TieredStopAtLevel=1", "-javaagent:" + System.getProperty("recovery-agent.jar") + "=instance=" + name,
                    "-cp", System.getProperty("java.class.path"), WordCountApplication.class.getName(),
                    bootstrapServers, stateDir.toString(), applicationId)
                    .redirectErrorStream(true)
                    .redirectOutput(stdout.toFile())
                    .start();
            return new Instance(name, process, stdout);
        }

        List<HistoryEvent> events() throws IOException {
            List<HistoryEvent> events = new ArrayList<>();
            for (String line : Files.readAllLines(stdout)) {
                Optional<HistoryEvent> event = TelemetryLine.parse(line, name, name + "-uid");
                event.ifPresent(events::add);
            }
            return events;
        }

        /** SIGTERM, as a graceful delete sends; SIGKILL if the app has not exited 30 s later. */
        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }
}
