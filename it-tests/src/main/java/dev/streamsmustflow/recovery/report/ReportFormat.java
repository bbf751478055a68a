package dev.streamsmustflow.recovery.report;

import dev.streamsmustflow.recovery.checker.DeadLetterCheck;
import dev.streamsmustflow.recovery.checker.Discrepancies;
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
public final class ReportFormat {

    static final String UNSET = "unset";

    private ReportFormat() {
    }

    public static String ms(long millis) {
        return String.format(Locale.ROOT, "%,d ms", millis);
    }

    public static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    /** A ratio of two durations, e.g. ×1.59. */
    static String factor(double factor) {
        return String.format(Locale.ROOT, "×%.2f", factor);
    }

    public static String decimal(double value, int digits) {
        return String.format(Locale.ROOT, "%,." + digits + "f", value);
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.0f %%", fraction * 100);
    }

    static String value(String setting) {
        return setting == null ? UNSET : setting;
    }

    /** {@code NAME=value, NAME=value}, in the map's order. */
    public static String settings(Map<String, String> settings) {
        List<String> parts = new ArrayList<>();
        settings.forEach((name, setting) -> parts.add(name + "=" + value(setting)));
        return String.join(", ", parts);
    }

    /** The dimensions of the groups that take more than one value: only those need to be named. */
    public static Set<String> varying(List<ReportGroup> groups) {
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
            boolean always = name.equals(ReportGroup.VARIANT) || name.equals(ReportGroup.FAULT);
            if (omitted.contains(name) || !(always || varying.contains(name))) {
                return;
            }
            parts.add(switch (name) {
                case ReportGroup.VARIANT, ReportGroup.FAULT, ReportGroup.GUARANTEE -> value;
                case ReportGroup.STATE_RECORDS -> "state of " + state(group);
                case ReportGroup.PLATFORM -> "on " + value;
                default -> name + "=" + value(value);
            });
        });
        return String.join(" ", parts);
    }

    /**
     * The state a group built: the changelog records measured before the fault (median over the runs), or
     * where no run measured it, the records requested.
     */
    public static String state(ReportGroup group) {
        return group.changelogRecords() != null
                ? count(group.changelogRecords().roundedMedian()) + " changelog records"
                : count(group.stateRecords()) + " records requested";
    }

    /** The non-zero discrepancy counts of a verdict, readable. */
    public static String discrepancies(GroupVerdict verdict) {
        Discrepancies found = verdict.discrepancies();
        List<String> parts = new ArrayList<>();
        if (found.lost() > 0) {
            parts.add(count(found.lost()) + " lost windows");
        }
        if (found.unexpected() > 0) {
            parts.add(count(found.unexpected()) + " unexpected windows");
        }
        if (found.duplicated() > 0) {
            parts.add(count(found.duplicated()) + " over-counted windows ("
                    + count(found.overCountedTrades()) + " excess trade counts)");
        }
        if (found.wrong() > 0) {
            parts.add(count(found.wrong()) + " wrong values");
        }
        if (found.regressed() > 0) {
            parts.add(count(found.regressed()) + " windows whose updates went back");
        }
        if (found.undetermined() > 0) {
            parts.add(count(found.undetermined()) + " windows over-counted by too much to check");
        }
        DeadLetterCheck letters = verdict.deadLetters();
        if (letters.missing() > 0) {
            parts.add(count(letters.missing()) + " malformed records without a dead letter");
        }
        if (letters.doubled() > 0) {
            parts.add(count(letters.doubled()) + " malformed records dead-lettered more than once");
        }
        if (letters.unexpected() > 0) {
            parts.add(count(letters.unexpected()) + " dead letters of no malformed record");
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
