package dev.streamsmustflow.recovery.checker;

/**
 * One record of the output topic as read with {@code read_committed}: the window key
 * ({@code symbol@windowStart}), the parsed aggregate, and where and when the broker appended it.
 */
public record OutputRecord(String window, WindowAggregate aggregate, long windowEnd, double averagePriceCents,
        int partition, long offset, long appendTime) {

    public String symbol() {
        return window.substring(0, window.indexOf('@'));
    }
}
