package dev.streamsmustflow.recovery.deployment.descriptor;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A topic the app writes, read back with {@code read_committed} and judged against the expected output by its
 * {@code semantics}.
 *
 * @param key how to read its keys
 * @param value how to read its values
 */
public record OutputTopic(
        @JsonProperty(required = true) String topic,
        @JsonProperty(required = true) OutputSemantics semantics,
        @JsonProperty(required = true) RecordFormat key,
        @JsonProperty(required = true) RecordFormat value) {
}
