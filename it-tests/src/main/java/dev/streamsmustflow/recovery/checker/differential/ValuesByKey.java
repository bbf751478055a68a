package dev.streamsmustflow.recovery.checker.differential;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A topic's values grouped by key, each key's in the order they were read (a key's records are in one partition, so
 * that order is the order they were written in).
 */
final class ValuesByKey {

    private final Map<String, List<String>> values = new LinkedHashMap<>();

    ValuesByKey(List<KeyedRecord> records) {
        for (KeyedRecord record : records) {
            values.computeIfAbsent(record.key(), key -> new ArrayList<>()).add(record.value());
        }
    }

    Set<String> keys() {
        return values.keySet();
    }

    boolean has(String key) {
        return values.containsKey(key);
    }

    /** The key's values in order; empty where it has none. */
    List<String> of(String key) {
        return values.getOrDefault(key, List.of());
    }

    /** The key's last value (null for a tombstone); only for a key it {@link #has}. */
    String last(String key) {
        List<String> keyValues = values.get(key);
        return keyValues.get(keyValues.size() - 1);
    }
}
