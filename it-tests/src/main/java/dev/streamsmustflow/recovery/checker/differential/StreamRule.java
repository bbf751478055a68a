package dev.streamsmustflow.recovery.checker.differential;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code stream}: the records, as a multiset, are the reference's: each as often as the reference wrote it. Fewer is a
 * missing record, more a duplicate (which only exactly-once forbids), one the reference never wrote is unexpected.
 */
final class StreamRule implements OutputRule {

    @Override
    public void compare(List<KeyedRecord> reference, List<KeyedRecord> seen, DifferenceLog log) {
        Map<KeyedRecord, Long> expected = counted(reference);
        Map<KeyedRecord, Long> written = counted(seen);
        expected.forEach((record, times) -> {
            long seenTimes = written.getOrDefault(record, 0L);
            for (long i = seenTimes; i < times; i++) {
                log.add(DifferenceKind.MISSING_RECORD, record.key(), record + " ×" + times, record + " ×" + seenTimes);
            }
            for (long i = times; i < seenTimes; i++) {
                log.add(DifferenceKind.DUPLICATE, record.key(), record + " ×" + times, record + " ×" + seenTimes);
            }
        });
        written.forEach((record, times) -> {
            if (!expected.containsKey(record)) {
                for (long i = 0; i < times; i++) {
                    log.add(DifferenceKind.UNEXPECTED_RECORD, record.key(), null, record.toString());
                }
            }
        });
    }

    private static Map<KeyedRecord, Long> counted(List<KeyedRecord> records) {
        Map<KeyedRecord, Long> counts = new LinkedHashMap<>();
        records.forEach(record -> counts.merge(record, 1L, Long::sum));
        return counts;
    }
}
