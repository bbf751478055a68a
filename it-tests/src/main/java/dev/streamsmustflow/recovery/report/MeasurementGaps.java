package dev.streamsmustflow.recovery.report;

import dev.streamsmustflow.recovery.history.Phase;
import java.util.ArrayList;
import java.util.List;

/**
 * The conclusion's sentences on what the numbers are not: phases that could not be measured (absent,
 * never 0), spans that came out negative (kept as measured), and restore work that was thrown away.
 */
final class MeasurementGaps implements Finding {

    private static final int NAMED = 6;

    @Override
    public List<String> sentences(ReportContext report) {
        List<String> sentences = new ArrayList<>();
        List<String> unmeasured = new ArrayList<>();
        List<String> negative = new ArrayList<>();
        List<String> thrownAway = new ArrayList<>();
        for (ReportGroup group : report.groups()) {
            String label = report.label(group);
            group.unmeasured().forEach((phase, reasons) -> unmeasured.add(label + " " + name(phase) + " ("
                    + String.join("; ", reasons) + ")"));
            group.phasesMs().forEach((phase, spread) -> {
                if (spread.min() < 0) {
                    negative.add(label + " " + name(phase) + " (min " + ReportFormat.ms(spread.min()) + ")");
                }
            });
            if (group.recordsThrownAway().max() > 0) {
                thrownAway.add(label + " " + ReportFormat.count(group.recordsThrownAway().roundedMedian()) + " records"
                        + (group.repetitions() > 1 ? " (median)" : ""));
            }
        }
        if (!unmeasured.isEmpty()) {
            sentences.add("Not measured, so absent from the tables rather than 0: " + named(unmeasured) + ".");
        }
        if (!negative.isEmpty()) {
            sentences.add("Negative spans, an end before its start (phases that overlap, or clocks that disagree), "
                    + "kept as measured: " + named(negative) + ".");
        }
        if (!thrownAway.isEmpty()) {
            sentences.add("Restore work thrown away (restores the task lost before they ended, warm-ups moved to "
                    + "another instance): " + named(thrownAway) + ".");
        }
        return sentences;
    }

    private static String named(List<String> items) {
        List<String> shown = new ArrayList<>(items.subList(0, Math.min(NAMED, items.size())));
        if (items.size() > NAMED) {
            shown.add((items.size() - NAMED) + " more");
        }
        return String.join("; ", shown);
    }

    private static String name(Phase phase) {
        return switch (phase) {
            case TERMINATION -> "termination";
            case START -> "start";
            case REBALANCE -> "rebalance";
            case RESTORE -> "restore";
            case CATCH_UP -> "catch-up";
            case TIME_TO_READY -> "time to ready";
            case TIME_TO_CAUGHT_UP -> "time to caught-up";
            case OUTPUT_GAP -> "output gap";
        };
    }
}
