package dev.streamsmustflow.recovery.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/** How numbers and groups read in the report's sentences and tables: one place, so they read the same everywhere. */
final class ReportFormat {

    static final String UNSET = "unset";

    private ReportFormat() {
    }

    static String ms(long millis) {
        return String.format(Locale.ROOT, "%,d ms", millis);
    }

    static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    /** A ratio of two durations, e.g. ×1.59. */
    static String factor(double factor) {
        return String.format(Locale.ROOT, "×%.2f", factor);
    }

    static String decimal(double value, int digits) {
        return String.format(Locale.ROOT, "%,." + digits + "f", value);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f %%", fraction * 100);
    }

    static String value(String setting) {
        return setting == null ? UNSET : setting;
    }

    /** {@code NAME=value, NAME=value}, in the map's order. */
    static String settings(Map<String, String> settings) {
        List<String> parts = new ArrayList<>();
        settings.forEach((name, setting) -> parts.add(name + "=" + value(setting)));
        return String.join(", ", parts);
    }

    /** The dimensions of the groups that take more than one value: only those need to be named. */
    static Set<String> varying(List<ReportGroup> groups) {
        Map<String, Set<String>> values = new HashMap<>();
        for (ReportGroup group : groups) {
            group.dimensions().forEach((name, value) -> values.computeIfAbsent(name, key -> new HashSet<>())
                    .add(Objects.toString(value)));
        }
        Set<String> varying = new TreeSet<>();
        values.forEach((name, seen) -> {
            if (seen.size() > 1) {
                varying.add(name);
            }
        });
        return varying;
    }

    /**
     * A group's name for a reader: variant and fault, then each other dimension that varies in the
     * report, except those in {@code omit} (the dimension a sentence is comparing).
     */
    static String label(ReportGroup group, Set<String> varying, String... omit) {
        Set<String> omitted = Set.of(omit);
        List<String> parts = new ArrayList<>();
        group.dimensions().forEach((name, value) -> {
            boolean always = name.equals("variant") || name.equals("fault");
            if (omitted.contains(name) || !(always || varying.contains(name))) {
                return;
            }
            parts.add(switch (name) {
                case "variant", "fault", SettingsProfile.GUARANTEE -> value;
                case "stateRecords" -> "state of " + count(Long.parseLong(value)) + " records";
                case "platform" -> "on " + value;
                default -> name + "=" + value(value);
            });
        });
        return String.join(" ", parts);
    }

    /** The non-zero discrepancy counts of a verdict, readable. */
    static String discrepancies(GroupVerdict verdict) {
        List<String> parts = new ArrayList<>();
        if (verdict.lost() > 0) {
            parts.add(count(verdict.lost()) + " lost windows");
        }
        if (verdict.unexpected() > 0) {
            parts.add(count(verdict.unexpected()) + " unexpected windows");
        }
        if (verdict.duplicated() > 0) {
            parts.add(count(verdict.duplicated()) + " over-counted windows ("
                    + count(verdict.overCountedTrades()) + " excess trade counts)");
        }
        if (verdict.wrong() > 0) {
            parts.add(count(verdict.wrong()) + " wrong values");
        }
        return and(parts);
    }

    /** "a", "a and b", "a, b and c". */
    static String and(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
