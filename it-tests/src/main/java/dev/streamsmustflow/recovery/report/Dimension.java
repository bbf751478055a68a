package dev.streamsmustflow.recovery.report;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What the groups of a report can differ in: one of the {@link Named} dimensions every group has, or a
 * {@link Setting} that varied on its own ({@link SettingsProfile}). A group's value in a dimension is text, to
 * compare and to print; a setting a group ran without is null.
 */
public sealed interface Dimension permits Dimension.Named, Dimension.Setting {

    /** The group's value in this dimension. */
    String valueIn(ReportGroup group);

    /** How a group's label names its value: {@code on docker}, {@code NUM_STANDBY_REPLICAS=1}. */
    String describe(ReportGroup group);

    /** Whether the dimension is a setting of the app (the processing guarantee is one). */
    boolean isSetting();

    /** The dimensions every group has, in the order a label names them. */
    enum Named implements Dimension {
        PLATFORM, VARIANT, FAULT, GUARANTEE, STATE_RECORDS;

        @Override
        public String valueIn(ReportGroup group) {
            return switch (this) {
                case PLATFORM -> group.platform().toString();
                case VARIANT -> group.variant().name();
                case FAULT -> group.fault().name();
                case GUARANTEE -> group.guarantee().setting();
                case STATE_RECORDS -> Long.toString(group.stateRecords());
            };
        }

        @Override
        public String describe(ReportGroup group) {
            return switch (this) {
                case PLATFORM -> "on " + valueIn(group);
                case STATE_RECORDS -> "state of " + ReportFormat.state(group);
                case VARIANT, FAULT, GUARANTEE -> valueIn(group);
            };
        }

        @Override
        public boolean isSetting() {
            return this == GUARANTEE;
        }
    }

    /** A setting that varied independently across the report's results, by its name. */
    record Setting(String name) implements Dimension {

        @Override
        public String valueIn(ReportGroup group) {
            return group.settings().get(name);
        }

        @Override
        public String describe(ReportGroup group) {
            return name.equals(SettingsProfile.PERCENT_OF_CAPACITY) ? "at " + valueIn(group) + " % load"
                    : name + "=" + ReportFormat.value(valueIn(group));
        }

        @Override
        public boolean isSetting() {
            return true;
        }
    }

    /** A group's dimensions in label order: platform, variant, fault, guarantee, its settings by name, state size. */
    static List<Dimension> of(ReportGroup group) {
        List<Dimension> dimensions = new ArrayList<>(List.of(Named.PLATFORM, Named.VARIANT, Named.FAULT, Named.GUARANTEE));
        group.settings().keySet().stream().sorted().forEach(name -> dimensions.add(new Setting(name)));
        dimensions.add(Named.STATE_RECORDS);
        return dimensions;
    }

    /** The group's values in every dimension but {@code left}: groups with equal keys differ only in it. */
    static Map<Dimension, String> keyWithout(ReportGroup group, Dimension left) {
        Map<Dimension, String> key = new LinkedHashMap<>();
        of(group).stream().filter(dimension -> !dimension.equals(left))
                .forEach(dimension -> key.put(dimension, dimension.valueIn(group)));
        return key;
    }

    /**
     * The dimensions that take more than one value across {@code groups}: only those need naming. The named ones
     * first, then the settings by name.
     */
    static Set<Dimension> varyingIn(List<ReportGroup> groups) {
        Map<Dimension, Set<String>> values = new LinkedHashMap<>();
        for (Named named : Named.values()) {
            values.put(named, new HashSet<>());
        }
        groups.stream().flatMap(group -> group.settings().keySet().stream()).distinct().sorted()
                .forEach(name -> values.put(new Setting(name), new HashSet<>()));
        for (ReportGroup group : groups) {
            values.forEach((dimension, seen) -> seen.add(Objects.toString(dimension.valueIn(group))));
        }
        Set<Dimension> varying = new LinkedHashSet<>();
        values.forEach((dimension, seen) -> {
            if (seen.size() > 1) {
                varying.add(dimension);
            }
        });
        return varying;
    }
}
