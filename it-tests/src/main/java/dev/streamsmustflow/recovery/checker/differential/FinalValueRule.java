package dev.streamsmustflow.recovery.checker.differential;

import java.util.List;
import java.util.Objects;

/** {@code final-only}: per key, only the last value counts, and it must be the reference's last. */
final class FinalValueRule implements OutputRule {

    @Override
    public void compare(List<KeyedRecord> reference, List<KeyedRecord> seen, DifferenceLog log) {
        compare(new ValuesByKey(reference), new ValuesByKey(seen), log);
    }

    /** The keys and their last values, on values already grouped by key. */
    static void compare(ValuesByKey expected, ValuesByKey written, DifferenceLog log) {
        for (String key : expected.keys()) {
            if (!written.has(key)) {
                log.add(DifferenceKind.MISSING_KEY, key, expected.last(key), null);
            } else if (!Objects.equals(expected.last(key), written.last(key))) {
                log.add(DifferenceKind.WRONG_FINAL, key, expected.last(key), written.last(key));
            }
        }
        for (String key : written.keys()) {
            if (!expected.has(key)) {
                log.add(DifferenceKind.UNEXPECTED_KEY, key, null, written.last(key));
            }
        }
    }
}
