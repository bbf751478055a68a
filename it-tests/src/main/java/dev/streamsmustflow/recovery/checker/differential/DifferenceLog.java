package dev.streamsmustflow.recovery.checker.differential;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** Where the rules write what they find: every difference counted, the first ones kept as examples. */
final class DifferenceLog {

    private final int examplesKept;
    private final Map<DifferenceKind, Long> counts = new EnumMap<>(DifferenceKind.class);
    private final List<Difference> examples = new ArrayList<>();

    DifferenceLog(int examplesKept) {
        this.examplesKept = examplesKept;
    }

    void add(DifferenceKind kind, String key, String expected, String seen) {
        counts.merge(kind, 1L, Long::sum);
        if (examples.size() < examplesKept) {
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
