package dev.streamsmustflow.recovery.checker;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;

/** The end offsets of a topic's partitions, as a reader of the given isolation level sees them. */
public final class TopicOffsets {

    private final Admin admin;
    private final String topic;
    private final int partitions;

    public TopicOffsets(Admin admin, String topic, int partitions) {
        this.admin = admin;
        this.topic = topic;
        this.partitions = partitions;
    }

    public String topic() {
        return topic;
    }

    /** Under {@code READ_COMMITTED} the last stable offset: an open transaction holds it back. */
    public Map<TopicPartition, Long> latest(IsolationLevel isolation) {
        Map<TopicPartition, OffsetSpec> request = new HashMap<>();
        for (int partition = 0; partition < partitions; partition++) {
            request.put(new TopicPartition(topic, partition), OffsetSpec.latest());
        }
        try {
            return admin.listOffsets(request, new ListOffsetsOptions(isolation)).all().get().entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot list the offsets of " + topic + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while listing the offsets of " + topic, e);
        }
    }
}
