package dev.streamsmustflow.tradestats;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What the dead-letter topic receives for a malformed input record: why it was rejected, where it
 * came from (null where Kafka Streams gave no record context) and its original value (as UTF-8 text,
 * or null when the record had no value).
 */
public record DeadLetter(
        @JsonProperty("reason") String reason,
        @JsonProperty("topic") String topic,
        @JsonProperty("partition") Integer partition,
        @JsonProperty("offset") Long offset,
        @JsonProperty("key") String key,
        @JsonProperty("value") String value) {
}
