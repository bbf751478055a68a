package dev.streamsmustflow.recovery.report;

import static dev.streamsmustflow.recovery.history.Phase.TIME_TO_CAUGHT_UP;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The conclusion's sentences on the settings a run varied (the processing guarantee, any independent
 * setting): for groups equal in everything but that setting, how much time to caught-up and the
 * records restored changed with it, and each value's {@link Effect} against the first group's.
 */
final class SettingEffects implements Finding {

    /** Below this factor a setting "made little difference": single runs of the same setting differ by about as much. */
    static final double NOTICEABLE = 1.2;
    private static final int CELLS_NAMED = 4;

    @Override
    public List<String> sentences(ReportContext report) {
        return report.varying().stream().filter(Dimension::isSetting).map(dimension -> effectOf(dimension, report))
                .toList();
    }

    private static String effectOf(Dimension dimension, ReportContext report) {
        String name = !(dimension instanceof Dimension.Setting setting) ? "The processing guarantee"
                : setting.name().equals(SettingsProfile.PERCENT_OF_CAPACITY) ? "The load (% of the app's capacity)"
                : setting.name();
        Map<Map<Dimension, String>, List<ReportGroup>> cells = new LinkedHashMap<>();
        report.groups().stream().filter(group -> group.median(TIME_TO_CAUGHT_UP) != null).forEach(group -> cells
                .computeIfAbsent(Dimension.keyWithout(group, dimension), key -> new ArrayList<>()).add(group));
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
                described.add(describe(cell, dimension, report));
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

    private static String describe(List<ReportGroup> cell, Dimension dimension, ReportContext report) {
        List<String> values = new ArrayList<>();
        for (ReportGroup group : cell) {
            values.add(ReportFormat.value(dimension.valueIn(group)) + " "
                    + ReportFormat.ms(group.median(TIME_TO_CAUGHT_UP)) + " with "
                    + ReportFormat.count(group.recordsRestored().roundedMedian()) + " records restored");
        }
        ReportGroup baseline = cell.get(0);
        List<String> effects = new ArrayList<>();
        for (ReportGroup changed : cell.subList(1, cell.size())) {
            Effect effect = Effect.of(baseline.phasesMs().get(TIME_TO_CAUGHT_UP), changed.phasesMs().get(TIME_TO_CAUGHT_UP));
            if (effect != null) {
                effects.add(ReportFormat.value(dimension.valueIn(changed)) + " against "
                        + ReportFormat.value(dimension.valueIn(baseline)) + " " + effect.describe());
            }
        }
        return report.label(cell.get(0), dimension) + ": " + String.join(", ", values)
                + (effects.isEmpty() ? "" : " — " + String.join(", ", effects));
    }
}
