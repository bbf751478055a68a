package dev.streamsmustflow.recovery.checker.differential;

import java.util.List;
import java.util.Objects;

/**
 * {@code table}: per key, every value seen is one the reference had for that key, in the reference's order (a run
 * may skip values, as record caches do, and repeat the latest, but never go back or invent one), and the keys and
 * their last values are the reference's ({@link FinalValueRule}).
 */
final class TableRule implements OutputRule {

    @Override
    public void compare(List<KeyedRecord> reference, List<KeyedRecord> seen, DifferenceLog log) {
        ValuesByKey expected = new ValuesByKey(reference);
        ValuesByKey written = new ValuesByKey(seen);
        for (String key : written.keys()) {
            if (expected.has(key)) {
                followInOrder(key, expected.of(key), written.of(key), log);
            }
        }
        FinalValueRule.compare(expected, written, log);
    }

    /** Walks the reference's values along the ones seen: each must be at or after the position reached. */
    private static void followInOrder(String key, List<String> expected, List<String> seen, DifferenceLog log) {
        int position = 0;
        for (String value : seen) {
            int found = indexOf(expected, value, position);
            if (found >= 0) {
                position = found;
            } else if (indexOf(expected, value, 0) >= 0) {
                log.add(DifferenceKind.REGRESSED, key, "a value at or after " + expected.get(position), value);
            } else {
                log.add(DifferenceKind.FROM_NOWHERE, key, null, value);
            }
        }
    }

    private static int indexOf(List<String> values, String value, int from) {
        for (int i = from; i < values.size(); i++) {
            if (Objects.equals(values.get(i), value)) {
                return i;
            }
        }
        return -1;
    }
}
