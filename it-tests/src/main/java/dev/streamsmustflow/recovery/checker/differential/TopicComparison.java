package dev.streamsmustflow.recovery.checker.differential;

import dev.streamsmustflow.recovery.checker.Validity;
import dev.streamsmustflow.recovery.deployment.ProcessingGuarantee;
import dev.streamsmustflow.recovery.deployment.descriptor.OutputSemantics;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What the differential check found on one output topic: how many differences of each kind, the first few of them,
 * and the validity they make under the run's guarantee.
 *
 * @param referenceRecords records the reference wrote to the topic
 * @param seenRecords records the run wrote to it, read committed
 * @param counts differences by kind; kinds with none are left out
 * @param examples the first differences found of each kind, at most as many of each as asked for, in the order found
 */
public record TopicComparison(String topic, OutputSemantics semantics, ProcessingGuarantee guarantee,
        long referenceRecords, long seenRecords, Map<DifferenceKind, Long> counts, List<Difference> examples) {

    public TopicComparison {
        counts = Map.copyOf(counts);
        examples = List.copyOf(examples);
    }

    /** INVALID where any difference invalidates under the guarantee, else VALID. */
    public Validity validity() {
        return counts.keySet().stream().anyMatch(kind -> kind.invalidates(guarantee)) ? Validity.INVALID : Validity.VALID;
    }

    public long count(DifferenceKind kind) {
        return counts.getOrDefault(kind, 0L);
    }

    /** {@code VALID: trades-by-key (table), 1,204 records against the reference's 1,180; duplicate 24}. */
    public String summary() {
        Map<DifferenceKind, Long> ordered = new TreeMap<>(counts);
        String found = ordered.isEmpty() ? "no difference"
                : ordered.entrySet().stream().map(entry -> entry.getKey() + " " + entry.getValue())
                        .collect(Collectors.joining(", "));
        return validity() + ": " + topic + " (" + semantics + "), " + seenRecords + " records against the reference's "
                + referenceRecords + "; " + found;
    }
}
