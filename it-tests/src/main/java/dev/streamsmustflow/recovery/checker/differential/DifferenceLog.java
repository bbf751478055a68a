package dev.streamsmustflow.recovery.checker.differential;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Where the rules write what they find: every difference counted, the first ones of each kind kept as examples, so
 * that thousands of regressed updates do not hide the few keys whose final value is wrong.
 */
final class DifferenceLog {

    private final int examplesKept;
    private final Map<DifferenceKind, Long> counts = new EnumMap<>(DifferenceKind.class);
    private final List<Difference> examples = new ArrayList<>();

    DifferenceLog(int examplesKept) {
        this.examplesKept = examplesKept;
    }

    void add(DifferenceKind kind, String key, String expected, String seen) {
        long ofThisKind = counts.merge(kind, 1L, Long::sum);
        if (ofThisKind <= examplesKept) {
            examples.add(new Difference(kind, key, expected, seen));
        }
    }

    Map<DifferenceKind, Long> counts() {
        return counts;
    }

    List<Difference> examples() {
        return examples;
    }
}
