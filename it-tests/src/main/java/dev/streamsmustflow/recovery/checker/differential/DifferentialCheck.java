package dev.streamsmustflow.recovery.checker.differential;

import dev.streamsmustflow.recovery.deployment.ProcessingGuarantee;
import dev.streamsmustflow.recovery.deployment.descriptor.OutputSemantics;
import java.util.List;

/**
 * The oracle for any app: the same input through the same app without faults is the reference, and each output
 * topic of a run is compared with the reference's by the topic's {@link OutputSemantics}. Where the reference can
 * differ from a faultless run for reasons of its own (wall-clock punctuation, randomness, the interleaving of
 * partitions in a join), a topic should be checked as {@code final-only}, or not at all.
 */
public final class DifferentialCheck {

    private final int examplesKept;

    /** @param examplesKept how many differences of each kind a comparison keeps as examples (every one is counted) */
    public DifferentialCheck(int examplesKept) {
        if (examplesKept < 0) {
            throw new IllegalArgumentException("examples kept must not be negative: " + examplesKept);
        }
        this.examplesKept = examplesKept;
    }

    /**
     * Compares what a run wrote to a topic with what the reference wrote to it.
     *
     * @param reference the reference's records, each partition's in offset order
     * @param seen the run's records, read committed, each partition's in offset order
     */
    public TopicComparison compare(String topic, OutputSemantics semantics, ProcessingGuarantee guarantee,
            List<KeyedRecord> reference, List<KeyedRecord> seen) {
        DifferenceLog log = new DifferenceLog(examplesKept);
        rule(semantics).compare(reference, seen, log);
        return new TopicComparison(topic, semantics, guarantee, reference.size(), seen.size(), log.counts(),
                log.examples());
    }

    private static OutputRule rule(OutputSemantics semantics) {
        return switch (semantics) {
            case TABLE -> new TableRule();
            case STREAM -> new StreamRule();
            case FINAL_ONLY -> new FinalValueRule();
        };
    }
}
