package dev.streamsmustflow.recovery.workload.replay;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamsmustflow.recovery.deployment.descriptor.RecordFormat;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A key or a value of an input file to the bytes its topic's format writes, as Kafka's serializers for the type do:
 * {@code string} takes a JSON string, {@code json} any JSON (written compactly), {@code long} and {@code integer} a
 * JSON integer in range, {@code bytes} a base64 string. JSON null is a null key or value. A value that does not fit
 * is an {@link IllegalArgumentException} saying why.
 */
public final class RecordEncoder {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RecordFormat format;

    public RecordEncoder(RecordFormat format) {
        this.format = format;
    }

    public byte[] encode(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        return switch (format) {
            case STRING -> text(node).getBytes(StandardCharsets.UTF_8);
            case JSON -> compact(node);
            case LONG -> ByteBuffer.allocate(Long.BYTES).putLong(integer(node, Long.MIN_VALUE, Long.MAX_VALUE)).array();
            case INTEGER -> ByteBuffer.allocate(Integer.BYTES)
                    .putInt((int) integer(node, Integer.MIN_VALUE, Integer.MAX_VALUE)).array();
            case BYTES -> base64(node);
        };
    }

    private String text(JsonNode node) {
        if (!node.isTextual()) {
            throw new IllegalArgumentException("a " + format + " must be a JSON string, not " + node);
        }
        return node.textValue();
    }

    private long integer(JsonNode node, long min, long max) {
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < min || node.longValue() > max) {
            throw new IllegalArgumentException("a " + format + " must be a JSON integer from " + min + " to " + max
                    + ", not " + node);
        }
        return node.longValue();
    }

    private byte[] base64(JsonNode node) {
        try {
            return Base64.getDecoder().decode(text(node));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("a " + format + " value must be base64: " + node, e);
        }
    }

    private static byte[] compact(JsonNode node) {
        try {
            return JSON.writeValueAsBytes(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree that cannot be written: " + e.getMessage(), e);
        }
    }
}
