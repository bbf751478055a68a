package dev.streamsmustflow.recovery.checker;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * Whether a Kafka Streams app has processed all its input: its group has committed every partition of its input
 * topics and every partition it reads of its own repartition topics to the partition's end. Where a topology
 * repartitions, the input's offsets alone say only that the first sub-topology is done.
 */
public final class GroupProgress {

    private static final long TIMEOUT_SECONDS = 10;

    private GroupProgress() {
    }

    /**
     * @param inputs each input topic and its partitions, all of which must be committed
     * @param repartitions whether the topology repartitions: then its repartition topics must be committed too
     */
    public static boolean processedAll(Admin admin, String groupId, Map<String, Integer> inputs, boolean repartitions) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(groupId)
                    .partitionsToOffsetAndMetadata().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            for (Map.Entry<String, Integer> input : inputs.entrySet()) {
                long partitions = committed.keySet().stream().filter(partition -> partition.topic().equals(input.getKey())).count();
                if (partitions < input.getValue()) {
                    return false;
                }
            }
            if (repartitions && committed.keySet().stream().noneMatch(partition -> partition.topic().endsWith("-repartition"))) {
                return false;
            }
            Map<TopicPartition, Long> ends = admin.listOffsets(committed.keySet().stream()
                    .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest())))
                    .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).entrySet().stream()
                    .collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
            return committed.entrySet().stream().allMatch(entry -> entry.getValue() != null
                    && entry.getValue().offset() >= ends.get(entry.getKey()));
        } catch (ExecutionException | TimeoutException e) {
            return false; // the broker did not answer in time: not known to be done
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the offsets of " + groupId, e);
        }
    }
}
