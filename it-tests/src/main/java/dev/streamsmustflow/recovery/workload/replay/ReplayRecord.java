package dev.streamsmustflow.recovery.workload.replay;

/**
 * One input record of a file, encoded for its topic: the bytes the producer sends.
 *
 * @param key the key's bytes, or null
 * @param value the value's bytes, or null
 * @param timestamp the record's timestamp, epoch milliseconds
 * @param partition the partition it goes to, or null for the producer's partitioner
 * @param line the line of the file it was read from, for errors
 */
public record ReplayRecord(byte[] key, byte[] value, long timestamp, Integer partition, int line) {
}
