package dev.streamsmustflow.recovery.checker;

import dev.streamsmustflow.recovery.deployment.GroupProtocol;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListConsumerGroupOffsetsSpec;
import org.apache.kafka.clients.admin.ListStreamsGroupOffsetsSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the application's committed input offsets are behind the input topic's end: zero means
 * caught up. Reads the group through the API of its protocol (a {@code streams} group is not a
 * consumer group).
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

    /** Total lag over all input partitions; a partition without a committed offset counts fully. */
    public long total() {
        Map<TopicPartition, Long> ends = inputEnds.latest(IsolationLevel.READ_UNCOMMITTED);
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

    private Map<TopicPartition, OffsetAndMetadata> committed() throws ExecutionException, InterruptedException {
        Map<TopicPartition, OffsetAndMetadata> all = protocol == GroupProtocol.STREAMS
                ? admin.listStreamsGroupOffsets(Map.of(groupId, new ListStreamsGroupOffsetsSpec())).partitionsToOffsetAndMetadata(groupId).get()
                : admin.listConsumerGroupOffsets(Map.of(groupId, new ListConsumerGroupOffsetsSpec())).partitionsToOffsetAndMetadata(groupId).get();
        return all.entrySet().stream()
                .filter(entry -> entry.getKey().topic().equals(inputTopic) && entry.getValue() != null)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
