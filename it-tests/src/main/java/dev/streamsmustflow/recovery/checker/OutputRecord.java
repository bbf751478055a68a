package dev.streamsmustflow.recovery.checker;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * One record of the output topic as read with {@code read_committed}: the window key
 * ({@code symbol@windowStart}), the parsed aggregate, and where and when the broker appended it.
 */
public record OutputRecord(String window, WindowAggregate aggregate, long windowEnd, double averagePriceCents,
        int partition, long offset, long appendTime) {

    /** An output record as the app writes it: its key is the window, {@code SYMBOL@windowStart}. */
    static OutputRecord of(ConsumerRecord<String, String> record, JsonNode value) {
        String window = value.get("symbol").asText() + "@" + value.get("windowStart").asLong();
        if (!window.equals(record.key())) {
            throw new IllegalStateException("key " + record.key() + " does not match its value " + record.value());
        }
        WindowAggregate aggregate = new WindowAggregate(value.get("count").asLong(), value.get("sumPriceCents").asLong(),
                value.get("minPriceCents").asLong(), value.get("maxPriceCents").asLong(), value.get("volume").asLong());
        return new OutputRecord(window, aggregate, value.get("windowEnd").asLong(),
                value.get("averagePriceCents").asDouble(), record.partition(), record.offset(), record.timestamp());
    }

    public String symbol() {
        return window.substring(0, window.indexOf('@'));
    }
}
