package dev.streamsmustflow.recovery.deployment.descriptor;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** How a key or a value is written as bytes: Kafka's own serializers for these types. */
public enum RecordFormat {
    /** UTF-8 text ({@code StringSerializer}). */
    STRING,
    /** JSON text in UTF-8: compared as JSON, not as text. */
    JSON,
    /** A 64-bit integer, 8 bytes big-endian ({@code LongSerializer}). */
    LONG,
    /** A 32-bit integer, 4 bytes big-endian ({@code IntegerSerializer}). */
    INTEGER,
    /** Raw bytes, given as base64 in input files and shown as base64. */
    BYTES;

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static RecordFormat of(String name) {
        return Arrays.stream(values()).filter(format -> format.toString().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + name + "' is no record format: "
                        + Arrays.toString(values())));
    }
}
