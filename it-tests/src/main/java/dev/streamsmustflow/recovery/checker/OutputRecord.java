package dev.streamsmustflow.recovery.checker;

/**
 * One record of the output topic as read with {@code read_committed}: the window key, the parsed
 * aggregate, and where and when the broker appended it.
 */
public record OutputRecord(String window, WindowAggregate aggregate, long windowEnd, int partition, long offset,
        long appendTime) {
}
