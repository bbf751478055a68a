package dev.streamsmustflow.recovery.checker.differential;

import dev.streamsmustflow.recovery.checker.Discrepancies;
import dev.streamsmustflow.recovery.checker.Validity;
import dev.streamsmustflow.recovery.checker.Verdict;
import dev.streamsmustflow.recovery.deployment.ProcessingGuarantee;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A described app's verdict, in the form every result and report has: each output topic's comparison with the
 * reference, the worst validity of them, their differences summed by what they mean for a reader of the topic,
 * and the first ones as examples. Input whose send failed may or may not have reached the app, so no reference is
 * sure of it: the verdict is then {@code UNKNOWN} unless a difference already makes it {@code INVALID}.
 */
public final class DifferentialVerdict {

    private DifferentialVerdict() {
    }

    /**
     * @param indeterminateInput records whose send failed
     * @param examplesShown how many differences of all topics the verdict lists
     * @param reference how the expected output was made ({@link ExpectedOutput#method()}), which the summary names
     */
    public static Verdict of(List<TopicComparison> comparisons, ProcessingGuarantee guarantee, long indeterminateInput,
            int examplesShown, String reference) {
        Validity validity = comparisons.stream().map(TopicComparison::validity).reduce(Validity.VALID, Validity::and);
        if (indeterminateInput > 0) {
            validity = validity.and(Validity.UNKNOWN);
        }
        String summary = comparisons.stream().map(TopicComparison::summary).collect(Collectors.joining("; "))
                + (indeterminateInput > 0 ? "; " + indeterminateInput + " input records may or may not have been sent" : "")
                + "; expected output: " + reference;
        long seen = comparisons.stream().mapToLong(TopicComparison::seenRecords).sum();
        Discrepancies found = comparisons.stream().map(DifferentialVerdict::discrepancies)
                .reduce(Discrepancies.NONE, Discrepancies::plus);
        List<String> examples = comparisons.stream()
                .flatMap(comparison -> comparison.examples().stream().map(difference -> comparison.topic() + ": " + difference))
                .limit(examplesShown)
                .toList();
        return new Verdict(validity, guarantee, summary, new Verdict.Coverage(0, 0, seen, 0), found, null, null,
                examples, null);
    }

    /** The differences as the built-in oracle's kinds: missing, invented, duplicated, wrong, gone back. */
    static Discrepancies discrepancies(TopicComparison comparison) {
        return new Discrepancies(
                comparison.count(DifferenceKind.MISSING_KEY) + comparison.count(DifferenceKind.MISSING_RECORD),
                comparison.count(DifferenceKind.UNEXPECTED_KEY) + comparison.count(DifferenceKind.UNEXPECTED_RECORD),
                comparison.count(DifferenceKind.DUPLICATE),
                0,
                comparison.count(DifferenceKind.WRONG_FINAL) + comparison.count(DifferenceKind.FROM_NOWHERE),
                comparison.count(DifferenceKind.REGRESSED),
                0);
    }
}
