package dev.streamsmustflow.recovery.checker;

import dev.streamsmustflow.recovery.deployment.ProcessingGuarantee;
import dev.streamsmustflow.recovery.workload.SentRecords.Delivered;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The dead letters against the malformed records sent: exactly one per malformed record under
 * exactly-once, at least one under at-least-once, and none for a record that was a valid trade.
 *
 * @param expected malformed records acknowledged by the broker
 * @param seen dead letters read
 * @param missing malformed records without a dead letter
 * @param doubled malformed records with more than one (a failure under exactly-once, measured under at-least-once)
 * @param unexpected dead letters of records that were no malformed record the workload sent, or that do
 *     not say where their record was
 */
public record DeadLetterCheck(long expected, long seen, long missing, long doubled, long unexpected) {

    public static final DeadLetterCheck NOTHING_CHECKED = new DeadLetterCheck(0, 0, 0, 0, 0);

    static DeadLetterCheck of(List<Delivered> malformed, List<DeadLetterRecord> deadLetters) {
        Set<List<Long>> sent = malformed.stream()
                .map(delivered -> List.of((long) delivered.partition(), delivered.offset()))
                .collect(Collectors.toSet());
        Map<List<Long>, Integer> letters = new HashMap<>();
        deadLetters.stream().map(DeadLetterRecord::source).filter(Objects::nonNull)
                .forEach(source -> letters.merge(source, 1, Integer::sum));
        long withoutSource = deadLetters.stream().filter(letter -> letter.source() == null).count();
        long missing = sent.stream().filter(key -> !letters.containsKey(key)).count();
        long doubled = letters.entrySet().stream().filter(letter -> sent.contains(letter.getKey()) && letter.getValue() > 1)
                .count();
        long unexpected = withoutSource + letters.keySet().stream().filter(key -> !sent.contains(key)).count();
        return new DeadLetterCheck(sent.size(), deadLetters.size(), missing, doubled, unexpected);
    }

    public DeadLetterCheck plus(DeadLetterCheck other) {
        return new DeadLetterCheck(expected + other.expected, seen + other.seen, missing + other.missing,
                doubled + other.doubled, unexpected + other.unexpected);
    }

    /** Whether any malformed record lacks its dead letter, has more than one, or a dead letter is of no such record. */
    public boolean any() {
        return missing + doubled + unexpected > 0;
    }

    /** Whether the dead letters are wrong output under {@code guarantee}. */
    boolean failed(ProcessingGuarantee guarantee) {
        return missing > 0 || unexpected > 0 || (guarantee.exactlyOnce() && doubled > 0);
    }

    String describe() {
        return expected + " malformed records sent, " + seen + " dead letters; missing " + missing + ", doubled "
                + doubled + ", unexpected " + unexpected;
    }
}
