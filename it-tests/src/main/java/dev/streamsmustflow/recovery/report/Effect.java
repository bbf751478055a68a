package dev.streamsmustflow.recovery.report;

/**
 * The effect of one factor on one measurement: the ratio of the medians of the changed cell and its
 * baseline, with the range the ratio can take over their repetitions. An effect is shown only when the
 * two ranges of the measurement do not overlap: otherwise the runs of either cell could be the runs of
 * the other, and the ratio is noise.
 *
 * @param ratio median of the changed cell over median of the baseline
 * @param lowest the smallest ratio of a changed run to a baseline run
 * @param highest the largest ratio of a changed run to a baseline run
 * @param shown whether the ranges of the two cells are apart
 * @param repeated whether both cells ran at least twice, so that a spread exists at all
 * @param runsNeeded where the effect is not shown, how many runs a cell it would need ({@link RunsNeeded#clause})
 */
record Effect(double ratio, double lowest, double highest, boolean shown, boolean repeated, String runsNeeded) {

    /** The effect, or null when either cell lacks the measurement or a baseline of zero makes a ratio meaningless. */
    static Effect of(Spread baseline, Spread changed) {
        if (baseline == null || changed == null || baseline.min() <= 0 || baseline.median() <= 0) {
            return null;
        }
        boolean repeated = baseline.count() >= 2 && changed.count() >= 2;
        boolean apart = changed.min() > baseline.max() || changed.max() < baseline.min();
        return new Effect(changed.median() / baseline.median(), (double) changed.min() / baseline.max(),
                (double) changed.max() / baseline.min(), repeated && apart, repeated,
                repeated && !apart ? RunsNeeded.clause(baseline, changed) : "");
    }

    /** For example {@code ×1.85 (×1.60–×2.10)}, {@code not shown (×0.90–×1.30: the runs overlap)}, or {@code ×1.20 from single runs}. */
    String describe() {
        String range = ReportFormat.factor(lowest) + "–" + ReportFormat.factor(highest);
        if (!repeated) {
            return ReportFormat.factor(ratio) + " from single runs";
        }
        return shown ? ReportFormat.factor(ratio) + " (" + range + ")"
                : "not shown (" + ReportFormat.factor(ratio) + ", " + range + ": the runs overlap" + runsNeeded + ")";
    }
}
