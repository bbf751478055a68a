package dev.streamsmustflow.recovery.checker;

import java.util.List;

/**
 * One record of the dead-letter topic, as the app writes it: why, and where in the input the rejected
 * record was.
 *
 * @param sourcePartition the input partition of the rejected record, or null when the app did not know it
 * @param sourceOffset its offset there, or null
 */
public record DeadLetterRecord(Integer sourcePartition, Long sourceOffset, String reason) {

    /** Where in the input the rejected record was, or null when the dead letter does not say. */
    List<Long> source() {
        return sourcePartition == null || sourceOffset == null ? null : List.of((long) sourcePartition, sourceOffset);
    }
}
