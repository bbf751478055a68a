package dev.streamsmustflow.recovery.report;

import dev.streamsmustflow.recovery.checker.DeadLetterCheck;
import dev.streamsmustflow.recovery.checker.Discrepancies;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
    public static String discrepancies(GroupVerdict verdict, CheckedOutput output) {
        Discrepancies found = verdict.discrepancies();
        List<String> parts = new ArrayList<>();
        if (found.lost() > 0) {
            parts.add(count(found.lost()) + " " + output.lost());
        }
        if (found.unexpected() > 0) {
            parts.add(count(found.unexpected()) + " " + output.unexpected());
        }
        if (found.duplicated() > 0) {
            parts.add(count(found.duplicated()) + " " + output.duplicated() + (found.overCountedTrades() > 0
                    ? " (" + count(found.overCountedTrades()) + " excess trade counts)" : ""));
        }
        if (found.wrong() > 0) {
            parts.add(count(found.wrong()) + " " + output.wrong());
        }
        if (found.regressed() > 0) {
            parts.add(count(found.regressed()) + " " + output.regressed());
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

    /** {@code 1 run}, {@code 3 runs}. */
    static String plural(int count, String noun) {
        return count + " " + noun + (count == 1 ? "" : "s");
    }

    /** "a", "a and b", "a, b and c". */
    static String and(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }
}
