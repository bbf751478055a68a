package dev.streamsmustflow.recovery.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * What a {@link Finding} draws its sentences from: the report's groups, its restore-time fit and its environment
 * (null when a report is built without one), and how to name a group for a reader.
 *
 * @param varying the dimensions that take more than one value across the groups: only those need naming
 */
record ReportContext(List<ReportGroup> groups, RestoreScaling scaling, Environment environment, Set<Dimension> varying) {

    ReportContext(List<ReportGroup> groups, RestoreScaling scaling, Environment environment) {
        this(groups, scaling, environment, Dimension.varyingIn(groups));
    }

    /**
     * A group's name for a reader: its variant and fault, then each other dimension that varies in the report,
     * except those in {@code omit} (the dimension a sentence is comparing).
     */
    String label(ReportGroup group, Dimension... omit) {
        Set<Dimension> omitted = Set.of(omit);
        List<String> parts = new ArrayList<>();
        for (Dimension dimension : Dimension.of(group)) {
            boolean always = dimension == Dimension.Named.VARIANT || dimension == Dimension.Named.FAULT;
            if (!omitted.contains(dimension) && (always || varying.contains(dimension))) {
                parts.add(dimension.describe(group));
            }
        }
        return String.join(" ", parts);
    }

    /** The groups whose {@code figure} some run showed. */
    List<ReportGroup> groupsWith(Figure figure) {
        return groups.stream().filter(group -> group.figure(figure) != null).toList();
    }

    /** How a sentence on a figure of some of a group's runs begins: {@code DEPLOYMENT POD_DELETE: in 2 of 3 runs}. */
    String inRuns(ReportGroup group, Figure figure) {
        return label(group) + ": in " + group.figure(figure).count() + " of " + ReportFormat.plural(group.repetitions(), "run");
    }

    /** The distinct values of a field over the groups, in their order. */
    List<String> distinct(Function<ReportGroup, String> field) {
        return groups.stream().map(field).distinct().toList();
    }

    /** The runs of all groups. */
    int runs() {
        return groups.stream().mapToInt(ReportGroup::repetitions).sum();
    }
}
