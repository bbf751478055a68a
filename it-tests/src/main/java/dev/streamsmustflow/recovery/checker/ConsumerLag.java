package dev.streamsmustflow.recovery.checker;

import dev.streamsmustflow.recovery.deployment.GroupProtocol;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListStreamsGroupOffsetsSpec;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the application's committed offsets are behind the ends of its input topic and of the repartition topics
 * Kafka Streams made for it: zero means caught up. Where a topology repartitions, the input's offsets alone say
 * only that its first sub-topology is done. Reads the group through the API of its protocol (a {@code streams}
 * group is not a consumer group).
 */
public final class ConsumerLag {

    private final Admin admin;
    private final String groupId;
    private final String inputTopic;
    private final GroupProtocol protocol;
    private final TopicOffsets inputEnds;

    public ConsumerLag(Admin admin, String groupId, String inputTopic, int partitions, GroupProtocol protocol) {
        this.admin = admin;
        this.groupId = groupId;
        this.inputTopic = inputTopic;
        this.protocol = protocol;
        this.inputEnds = new TopicOffsets(admin, inputTopic, partitions);
    }

    /**
     * Lag over all input and repartition partitions; a partition without a committed offset counts fully. Zero when
     * the app has processed all its input.
     */
    public long total() {
        Map<TopicPartition, Long> ends = new HashMap<>(inputEnds.latest(IsolationLevel.READ_UNCOMMITTED));
        ends.putAll(repartitionEnds());
        return lag(ends);
    }

    /**
     * Lag over the input's partitions alone, in input records: what a steady rate is measured against (a
     * repartition topic holds as many records per input record as the topology makes).
     */
    public long input() {
        return lag(inputEnds.latest(IsolationLevel.READ_UNCOMMITTED));
    }

    private long lag(Map<TopicPartition, Long> ends) {
        Map<TopicPartition, OffsetAndMetadata> committed;
        try {
            committed = committed();
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the lag of group " + groupId + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
        long lag = 0;
        for (Map.Entry<TopicPartition, Long> end : ends.entrySet()) {
            OffsetAndMetadata offset = committed.get(end.getKey());
            lag += end.getValue() - (offset == null ? 0 : offset.offset());
        }
        return lag;
    }

    /** The ends of the application's repartition topics ({@code <application id>-...-repartition}); none for most. */
    private Map<TopicPartition, Long> repartitionEnds() {
        try {
            List<TopicPartition> partitions = new ArrayList<>();
            for (TopicDescription topic : admin.describeTopics(admin.listTopics().names().get().stream()
                    .filter(name -> name.startsWith(groupId + "-") && name.endsWith("-repartition")).toList())
                    .allTopicNames().get().values()) {
                topic.partitions().forEach(partition -> partitions.add(new TopicPartition(topic.name(), partition.partition())));
            }
            if (partitions.isEmpty()) {
                return Map.of();
            }
            return admin.listOffsets(partitions.stream().collect(Collectors.toMap(partition -> partition,
                    partition -> OffsetSpec.latest()))).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot read the repartition topics of " + groupId + ": " + e.getCause(),
                    e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private Map<TopicPartition, OffsetAndMetadata> committed() throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> all = protocol == GroupProtocol.STREAMS
                ? admin.listStreamsGroupOffsets(Map.of(groupId, new ListStreamsGroupOffsetsSpec())).partitionsToOffsetAndMetadata(groupId).get()
                : admin.listConsumerGroupOffsets(Map.of(groupId, new ListConsumerGroupOffsetsSpec())).partitionsToOffsetAndMetadata(groupId).get();
        return all.entrySet().stream()
                .filter(entry -> entry.getValue() != null && (entry.getKey().topic().equals(inputTopic)
                        || entry.getKey().topic().endsWith("-repartition")))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
