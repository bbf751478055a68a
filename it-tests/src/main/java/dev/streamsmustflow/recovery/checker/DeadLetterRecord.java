package dev.streamsmustflow.recovery.checker;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One record of the dead-letter topic, as the app writes it: why, and where in the input the rejected
 * record was.
 *
 * @param sourcePartition the input partition of the rejected record, or null when the app did not know it
 * @param sourceOffset its offset there, or null
 */
public record DeadLetterRecord(Integer sourcePartition, Long sourceOffset, String reason) {

    /** A dead letter as the app writes it; a source it does not know is null. */
    static DeadLetterRecord of(ConsumerRecord<String, String> record, JsonNode value) {
        JsonNode partition = value.path("partition");
        JsonNode offset = value.path("offset");
        return new DeadLetterRecord(partition.isIntegralNumber() ? partition.asInt() : null,
                offset.isIntegralNumber() ? offset.asLong() : null, value.path("reason").asText());
    }

    /** Where in the input the rejected record was, or null when the dead letter does not say. */
    List<Long> source() {
        return sourcePartition == null || sourceOffset == null ? null : List.of((long) sourcePartition, sourceOffset);
    }
}
