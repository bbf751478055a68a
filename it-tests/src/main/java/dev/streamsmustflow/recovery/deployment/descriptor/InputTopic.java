package dev.streamsmustflow.recovery.deployment.descriptor;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A topic the app reads: the harness creates it with {@code partitions} and feeds it from {@code source}, through
 * every fault at the comparison's rate.
 *
 * @param key how the source's keys become bytes
 * @param value how the source's values become bytes
 */
public record InputTopic(
        @JsonProperty(required = true) String topic,
        @JsonProperty(required = true) int partitions,
        @JsonProperty(required = true) RecordFormat key,
        @JsonProperty(required = true) RecordFormat value,
        @JsonProperty(required = true) InputSource source) {
}
