package dev.streamsmustflow.recovery.checker;

/**
 * One record of the dead-letter topic, as the app writes it: why, and where in the input the rejected
 * record was.
 *
 * @param sourcePartition the input partition of the rejected record
 * @param sourceOffset its offset there
 */
public record DeadLetterRecord(int sourcePartition, long sourceOffset, String reason) {
}
