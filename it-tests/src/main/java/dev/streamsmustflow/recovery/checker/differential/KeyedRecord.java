package dev.streamsmustflow.recovery.checker.differential;

/**
 * One output record as the differential check compares it: key and value decoded by their topic's formats into a
 * canonical text ({@link RecordDecoder}), so that two records are equal when they mean the same.
 *
 * @param value the canonical value, or null for a tombstone
 */
public record KeyedRecord(String key, String value) {

    @Override
    public String toString() {
        return key + "=" + (value == null ? "(tombstone)" : value);
    }
}
