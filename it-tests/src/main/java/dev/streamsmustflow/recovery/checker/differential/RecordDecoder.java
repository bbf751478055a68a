package dev.streamsmustflow.recovery.checker.differential;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.streamsmustflow.recovery.deployment.descriptor.RecordFormat;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Bytes of a key or a value to the canonical text the differential check compares: UTF-8 text as it is, JSON with
 * its object fields in name order and no white space (so that field order and spacing do not count), integers in
 * decimal, raw bytes in base64. Bytes a format cannot read are an {@link IllegalArgumentException} naming it.
 */
public final class RecordDecoder {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    private final RecordFormat format;

    public RecordDecoder(RecordFormat format) {
        this.format = format;
    }

    /** The canonical text of the bytes, or null for null (a tombstone's value). */
    public String decode(byte[] bytes) {
        if (bytes == null) {
            return null;
        }
        return switch (format) {
            case STRING -> new String(bytes, StandardCharsets.UTF_8);
            case JSON -> canonicalJson(bytes);
            case LONG -> Long.toString(fixedWidth(bytes, Long.BYTES).getLong());
            case INTEGER -> Integer.toString(fixedWidth(bytes, Integer.BYTES).getInt());
            case BYTES -> Base64.getEncoder().encodeToString(bytes);
        };
    }

    private ByteBuffer fixedWidth(byte[] bytes, int width) {
        if (bytes.length != width) {
            throw new IllegalArgumentException(bytes.length + " bytes are no " + format + " (" + width + " bytes)");
        }
        return ByteBuffer.wrap(bytes);
    }

    private static String canonicalJson(byte[] bytes) {
        try {
            JsonNode tree = JSON.readTree(bytes);
            return JSON.writeValueAsString(JSON.treeToValue(tree, Object.class));
        } catch (IOException e) {
            throw new IllegalArgumentException("not JSON: " + abbreviated(new String(bytes, StandardCharsets.UTF_8))
                    + " (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
    }

    private static String abbreviated(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
