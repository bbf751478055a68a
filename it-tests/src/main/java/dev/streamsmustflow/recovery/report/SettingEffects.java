package dev.streamsmustflow.recovery.report;

import static dev.streamsmustflow.recovery.history.Phase.TIME_TO_CAUGHT_UP;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The conclusion's sentences on the settings a run varied (the processing guarantee, any independent
 * setting): for groups equal in everything but that setting, how much time to caught-up and the
 * records restored changed with it, and each value's {@link Effect} against the first group's.
 */
final class SettingEffects {

    /** Below this factor a setting "made little difference": single runs of the same setting differ by about as much. */
    static final double NOTICEABLE = 1.2;
    private static final int CELLS_NAMED = 4;

    private SettingEffects() {
    }

    static List<String> sentences(List<ReportGroup> groups) {
        Set<String> varying = ReportFormat.varying(groups);
        List<String> sentences = new ArrayList<>();
        for (String dimension : varying) {
            boolean setting = dimension.equals(ReportGroup.GUARANTEE) || groups.get(0).settings().containsKey(dimension);
            if (setting) {
                sentences.add(effectOf(dimension, groups, varying));
            }
        }
        return sentences;
    }

    private static String effectOf(String dimension, List<ReportGroup> groups, Set<String> varying) {
        String name = dimension.equals(ReportGroup.GUARANTEE) ? "The processing guarantee" : dimension;
        Map<Map<String, String>, List<ReportGroup>> cells = new LinkedHashMap<>();
        groups.stream().filter(group -> group.median(TIME_TO_CAUGHT_UP) != null).forEach(group -> cells
                .computeIfAbsent(group.dimensionsWithout(dimension), key -> new ArrayList<>()).add(group));
        cells.values().removeIf(cell -> cell.size() < 2);
        if (cells.isEmpty()) {
            return name + " varied, but no variant and fault caught up with more than one value of it, so its effect"
                    + " cannot be isolated.";
        }
        double largest = 1;
        List<String> described = new ArrayList<>();
        for (List<ReportGroup> cell : cells.values()) {
            largest = Math.max(largest, ratio(cell));
            if (described.size() < CELLS_NAMED) {
                described.add(describe(cell, dimension, varying));
            }
        }
        if (cells.size() > CELLS_NAMED) {
            described.add((cells.size() - CELLS_NAMED) + " more");
        }
        boolean single = cells.values().stream().flatMap(List::stream).allMatch(group -> group.repetitions() == 1);
        String effect = largest >= NOTICEABLE
                ? name + " mattered: time to caught-up differed by up to " + ReportFormat.factor(largest)
                : name + " made little difference to time to caught-up: at most " + ReportFormat.factor(largest)
                        + ", under " + ReportFormat.factor(NOTICEABLE);
        return effect + (single ? ", from single runs" : "") + " (" + String.join("; ", described) + ").";
    }

    private static double ratio(List<ReportGroup> cell) {
        long fastest = cell.stream().mapToLong(group -> group.median(TIME_TO_CAUGHT_UP)).min().orElseThrow();
        long slowest = cell.stream().mapToLong(group -> group.median(TIME_TO_CAUGHT_UP)).max().orElseThrow();
        return fastest == 0 ? 1 : (double) slowest / fastest;
    }

    private static String describe(List<ReportGroup> cell, String dimension, Set<String> varying) {
        List<String> values = new ArrayList<>();
        for (ReportGroup group : cell) {
            values.add(ReportFormat.value(group.dimensions().get(dimension)) + " "
                    + ReportFormat.ms(group.median(TIME_TO_CAUGHT_UP)) + " with "
                    + ReportFormat.count(group.recordsRestored().roundedMedian()) + " records restored");
        }
        ReportGroup baseline = cell.get(0);
        List<String> effects = new ArrayList<>();
        for (ReportGroup changed : cell.subList(1, cell.size())) {
            Effect effect = Effect.of(baseline.phasesMs().get(TIME_TO_CAUGHT_UP), changed.phasesMs().get(TIME_TO_CAUGHT_UP));
            if (effect != null) {
                effects.add(ReportFormat.value(changed.dimensions().get(dimension)) + " against "
                        + ReportFormat.value(baseline.dimensions().get(dimension)) + " " + effect.describe());
            }
        }
        return ReportFormat.label(cell.get(0), varying, dimension) + ": " + String.join(", ", values)
                + (effects.isEmpty() ? "" : " — " + String.join(", ", effects));
    }
}
