package dev.streamsmustflow.recovery.scenario;

import dev.streamsmustflow.recovery.checker.TopicReader;
import dev.streamsmustflow.recovery.history.RecoveryTimeline;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

/**
 * The app's state as its changelog topics hold it before the fault, counted by reading them: what a
 * replacement that starts empty must restore at most; or the part of it a recovery restored, read again. The read is a plain consumer on the same broker
 * with the restore consumer's settings that matter (read_committed, at most 1,000 records a poll, the
 * consumer's default fetch sizes), so its rate is the physical limit a restore can approach.
 *
 * @param records records in the changelog topics, as read_committed reads them (no transaction
 *     markers, no aborted records)
 * @param bytes the keys and values of those records
 * @param partitions changelog partitions read
 * @param readMs how long reading them took
 */
public record ChangelogState(long records, long bytes, int partitions, long readMs) {

    /** Kafka Streams' restore consumer default. */
    static final int MAX_POLL_RECORDS = 1_000;

    /** Records a second of the plain read, or null when it was too quick to time. */
    public Double recordsPerSecond() {
        return readMs > 0 ? records * 1_000.0 / readMs : null;
    }

    /** Reads every changelog topic of {@code applicationId} from the beginning to the end it has now. */
    public static ChangelogState read(Admin admin, String bootstrapServers, String applicationId, Duration timeout) {
        List<TopicPartition> partitions = changelogPartitions(admin, applicationId);
        return timedRead(bootstrapServers, applicationId, partitions.size(), (consumer, count) -> TopicReader.readPartitions(
                consumer, partitions, "the changelogs of " + applicationId, timeout, count));
    }

    /**
     * Reads again what the recovery restored: each changelog partition a served restore loaded (an active restore or a
     * promoted warm-up), from the offset it started at to the offset it ended at, with the same plain consumer as
     * {@link #read}. Its rate is the physical limit of that restore: the same partitions, offsets and broker, read
     * right after the recovery. Null when nothing was restored or a restore's topic or offsets are unknown.
     */
    public static ChangelogState readRestored(String bootstrapServers, String applicationId,
            List<RecoveryTimeline.Restore> restores, Duration timeout) {
        Map<TopicPartition, Long> starts = new HashMap<>();
        Map<TopicPartition, Long> ends = new HashMap<>();
        for (RecoveryTimeline.Restore restore : restores.stream().filter(RecoveryTimeline.Restore::loadedForRecovery).toList()) {
            if (restore.topic() == null || restore.partition() == null || restore.startOffset() == null
                    || restore.endOffset() == null) {
                return null;
            }
            TopicPartition partition = new TopicPartition(restore.topic(), restore.partition());
            starts.merge(partition, restore.startOffset(), Math::min);
            ends.merge(partition, restore.endOffset(), Math::max);
        }
        if (starts.isEmpty()) {
            return null;
        }
        return timedRead(bootstrapServers, applicationId, starts.size(), (consumer, count) -> TopicReader.readRanges(
                consumer, starts, ends, "the changelog ranges restored " + ends, timeout, count));
    }

    private static ChangelogState timedRead(String bootstrapServers, String applicationId, int partitions,
            BiConsumer<KafkaConsumer<byte[], byte[]>, Consumer<ConsumerRecord<byte[], byte[]>>> read) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, IsolationLevel.READ_COMMITTED.toString().toLowerCase(Locale.ROOT),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, MAX_POLL_RECORDS,
                ConsumerConfig.CLIENT_ID_CONFIG, "changelog-reader-" + applicationId);
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            long started = System.nanoTime();
            long[] recordsAndBytes = new long[2];
            read.accept(consumer, record -> {
                recordsAndBytes[0]++;
                recordsAndBytes[1] += Math.max(0, record.serializedKeySize()) + Math.max(0, record.serializedValueSize());
            });
            return new ChangelogState(recordsAndBytes[0], recordsAndBytes[1], partitions,
                    Duration.ofNanos(System.nanoTime() - started).toMillis());
        }
    }

    /** Records in all changelog partitions of {@code applicationId} by end offsets (under exactly-once, commit markers count too). */
    static long endOffsets(Admin admin, String applicationId) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        changelogPartitions(admin, applicationId).forEach(partition -> request.put(partition, OffsetSpec.latest()));
        try {
            return admin.listOffsets(request).all().get().values().stream()
                    .mapToLong(ListOffsetsResult.ListOffsetsResultInfo::offset).sum();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list the end offsets of the changelogs of " + applicationId + ": "
                    + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listing the changelogs' end offsets", e);
        }
    }

    static List<TopicPartition> changelogPartitions(Admin admin, String applicationId) {
        try {
            Set<String> names = admin.listTopics().names().get();
            List<String> changelogs = names.stream()
                    .filter(name -> name.startsWith(applicationId + "-") && name.endsWith("-changelog")).sorted().toList();
            if (changelogs.isEmpty()) {
                throw new IllegalStateException("no changelog topic of " + applicationId + " among " + names);
            }
            List<TopicPartition> partitions = new ArrayList<>();
            Map<String, TopicDescription> described = admin.describeTopics(changelogs).allTopicNames().get();
            described.values().forEach(topic -> topic.partitions()
                    .forEach(partition -> partitions.add(new TopicPartition(topic.name(), partition.partition()))));
            return partitions;
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot find the changelogs of " + applicationId + ": " + e.getCause(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while finding the changelogs of " + applicationId, e);
        }
    }
}
