package dev.streamsmustflow.recovery.report;

import static dev.streamsmustflow.recovery.history.Phase.TIME_TO_CAUGHT_UP;

import dev.streamsmustflow.recovery.deployment.Variant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The conclusion's sentences that set the variants side by side wherever everything else is equal:
 * which caught up faster and by how much, which restored more, and how sure a reader can be.
 */
final class VariantComparison implements Finding {

    @Override
    public List<String> sentences(ReportContext report) {
        return new Tally(report).sentences();
    }

    /** One report's comparisons, counted as they are made. */
    private static final class Tally {

        private final ReportContext report;
        private final Map<Variant, List<String>> wins = new LinkedHashMap<>();
        private int comparisons;
        private int ties;

        private Tally(ReportContext report) {
            this.report = report;
        }

        List<String> sentences() {
            Environment environment = report.environment();
            Map<Map<Dimension, String>, List<ReportGroup>> cells = new LinkedHashMap<>();
            for (ReportGroup group : report.groups()) {
                cells.computeIfAbsent(Dimension.keyWithout(group, Dimension.Named.VARIANT), key -> new ArrayList<>()).add(group);
            }
            List<String> sentences = new ArrayList<>();
            List<ReportGroup> alone = new ArrayList<>();
            for (List<ReportGroup> cell : cells.values()) {
                if (cell.size() == 1) {
                    alone.add(cell.get(0));
                } else {
                    sentences.add(compare(cell));
                }
            }
            if (comparisons > 1) {
                sentences.add(tally());
            }
            if (!alone.isEmpty()) {
                sentences.add(alone(alone));
            }
            if (comparisons > 0 && environment != null && !environment.settingsByVariant().isEmpty()) {
                List<String> parts = new ArrayList<>();
                environment.settingsByVariant().forEach((variant, settings) -> parts.add(variant + ": "
                        + ReportFormat.settings(settings)));
                sentences.add("The variants also differ in settings that come with them (" + String.join("; ", parts)
                        + "), so the comparisons include their effect.");
            }
            return sentences;
        }

        private String compare(List<ReportGroup> cell) {
            String where = report.label(cell.get(0), Dimension.Named.VARIANT);
            List<ReportGroup> caughtUp = cell.stream().filter(group -> group.median(TIME_TO_CAUGHT_UP) != null)
                    .sorted(Comparator.comparing(group -> group.median(TIME_TO_CAUGHT_UP))).toList();
            List<String> parts = new ArrayList<>();
            if (caughtUp.size() >= 2) {
                comparisons++;
                caughtUp.subList(1, caughtUp.size()).forEach(other -> parts.add(faster(where, caughtUp.get(0), other)));
            } else if (caughtUp.size() == 1) {
                ReportGroup only = caughtUp.get(0);
                parts.add(only.variant() + " caught up in " + ReportFormat.ms(only.median(TIME_TO_CAUGHT_UP)));
            }
            cell.stream().filter(group -> group.median(TIME_TO_CAUGHT_UP) == null)
                    .forEach(group -> parts.add(group.variant() + " never caught up"));
            parts.add(restored(cell));
            return where + ": " + String.join("; ", parts) + ".";
        }

        private String faster(String where, ReportGroup fastest, ReportGroup other) {
            long a = fastest.median(TIME_TO_CAUGHT_UP);
            long b = other.median(TIME_TO_CAUGHT_UP);
            boolean single = fastest.repetitions() == 1 && other.repetitions() == 1;
            String median = single ? "" : "median ";
            if (a == b) {
                ties++;
                return fastest.variant() + " and " + other.variant() + " caught up in the same " + median + "time, "
                        + ReportFormat.ms(a);
            }
            String ratio = a == 0 ? "" : ReportFormat.factor((double) b / a);
            String factor = a == 0 ? "" : " (" + ratio + ")";
            wins.computeIfAbsent(fastest.variant(), key -> new ArrayList<>()).add((where + " " + ratio).trim());
            return fastest.variant() + " caught up faster than " + other.variant() + ": " + median + ReportFormat.ms(a)
                    + " vs " + ReportFormat.ms(b) + ", " + ReportFormat.ms(b - a) + " sooner" + factor
                    + evidence(fastest, other, single);
        }

        /** How far a difference of medians can be trusted: one run each, or whether the ranges overlap. */
        private static String evidence(ReportGroup fastest, ReportGroup other, boolean single) {
            if (single) {
                return ", from a single run each";
            }
            Spread fast = fastest.phasesMs().get(TIME_TO_CAUGHT_UP);
            Spread slow = other.phasesMs().get(TIME_TO_CAUGHT_UP);
            if (fast.max() < slow.min()) {
                return ", and every run of " + fastest.variant() + " was faster than every run of " + other.variant();
            }
            return ", but their ranges overlap (" + range(fast) + " vs " + range(slow) + RunsNeeded.clause(fast, slow) + ")";
        }

        private static String range(Spread spread) {
            return ReportFormat.count(spread.min()) + "–" + ReportFormat.ms(spread.max());
        }

        private static String restored(List<ReportGroup> cell) {
            boolean single = cell.stream().allMatch(group -> group.repetitions() == 1);
            String records = single ? "records" : "records (median)";
            if (cell.size() == 2) {
                ReportGroup first = cell.get(0);
                ReportGroup second = cell.get(1);
                long a = first.recordsRestored().roundedMedian();
                long b = second.recordsRestored().roundedMedian();
                if (a == b) {
                    return "both restored " + ReportFormat.count(a) + " " + records;
                }
                ReportGroup more = a > b ? first : second;
                ReportGroup fewer = a > b ? second : first;
                return more.variant() + " restored more " + records + " than " + fewer.variant() + ", "
                        + ReportFormat.count(Math.max(a, b)) + " vs " + ReportFormat.count(Math.min(a, b));
            }
            List<String> parts = new ArrayList<>();
            for (ReportGroup group : cell) {
                parts.add(group.variant() + " " + ReportFormat.count(group.recordsRestored().roundedMedian()));
            }
            return records + " restored: " + String.join(", ", parts);
        }

        private String tally() {
            List<String> parts = new ArrayList<>();
            wins.forEach((variant, where) -> parts.add(variant + " caught up faster in "
                    + (where.size() == comparisons ? "all " : "") + where.size() + " (" + String.join(", ", where) + ")"));
            String tied = ties == 0 ? "" : "; " + ties + " ended in a tie";
            return "Of " + comparisons + " comparisons between the variants, " + String.join(" and ", parts) + tied + ".";
        }

        private String alone(List<ReportGroup> alone) {
            List<String> parts = new ArrayList<>();
            for (ReportGroup group : alone) {
                Long caughtUp = group.median(TIME_TO_CAUGHT_UP);
                parts.add(report.label(group, Dimension.Named.VARIANT) + " (" + group.variant() + ", "
                        + (caughtUp == null ? "never caught up" : "caught up in " + ReportFormat.ms(caughtUp)) + ")");
            }
            return "Only one variant ran " + ReportFormat.and(parts) + ": there is nothing to compare "
                    + (alone.size() == 1 ? "it" : "them") + " with.";
        }
    }
}
