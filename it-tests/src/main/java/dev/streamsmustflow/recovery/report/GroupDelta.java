package dev.streamsmustflow.recovery.report;

import dev.streamsmustflow.recovery.checker.Validity;
import dev.streamsmustflow.recovery.history.Phase;
import java.util.Optional;

/** How one group changed between a baseline and the current run, measure by measure. */
final class GroupDelta {

    private final String group;
    private final ReportGroup before;
    private final ReportGroup now;
    private final BaselineComparison.Threshold threshold;

    GroupDelta(String group, ReportGroup before, ReportGroup now, BaselineComparison.Threshold threshold) {
        this.group = group;
        this.before = before;
        this.now = now;
        this.threshold = threshold;
    }

    /** The change of a median time; growing beyond the threshold, or no longer happening at all, regresses. */
    BaselineComparison.Change time(Phase phase, String name) {
        Long was = before.median(phase);
        Long is = now.median(phase);
        String what = group + ": median " + name + " ";
        if (was == null && is == null) {
            return result(BaselineComparison.Outcome.WITHIN_THRESHOLD, phase.key(), what + "never happened, as in the baseline");
        }
        if (is == null) {
            return result(BaselineComparison.Outcome.REGRESSED, phase.key(), what + "was " + ReportFormat.ms(was)
                    + " in the baseline, now it never happened");
        }
        if (was == null) {
            return result(BaselineComparison.Outcome.IMPROVED, phase.key(), what + "is " + ReportFormat.ms(is)
                    + ", in the baseline it never happened");
        }
        long delta = is - was;
        String percent = was == 0 ? "" : ", " + (delta < 0 ? "−" : "+") + ReportFormat.percent(Math.abs((double) delta) / was);
        String change = what + ReportFormat.ms(was) + " → " + ReportFormat.ms(is) + " (" + signed(delta) + percent + ")";
        if (beyond(delta, was)) {
            return result(BaselineComparison.Outcome.REGRESSED, phase.key(), change + ": slower beyond the threshold ("
                    + threshold.describe() + ")");
        }
        if (beyond(-delta, was)) {
            return result(BaselineComparison.Outcome.IMPROVED, phase.key(), change + ": faster");
        }
        return result(BaselineComparison.Outcome.WITHIN_THRESHOLD, phase.key(), change + ": within the threshold ("
                + threshold.describe() + ")");
    }

    /** A change of the worst validity, if any: VALID → UNKNOWN or INVALID, UNKNOWN → INVALID regress. */
    Optional<BaselineComparison.Change> verdict() {
        Validity was = before.verdict().validity();
        Validity is = now.verdict().validity();
        if (was == is) {
            return Optional.empty();
        }
        boolean worse = is.compareTo(was) > 0;
        String notes = now.verdict().notes().isEmpty() ? "" : " — " + now.verdict().notes().get(0);
        return Optional.of(result(worse ? BaselineComparison.Outcome.REGRESSED : BaselineComparison.Outcome.IMPROVED,
                "verdict", group + ": verdict " + was + " → " + is + (worse ? notes : "")));
    }

    private boolean beyond(long growth, long base) {
        return growth > threshold.relative() * base && growth > threshold.absoluteFloorMs();
    }

    private static String signed(long delta) {
        return (delta < 0 ? "−" : "+") + ReportFormat.ms(Math.abs(delta));
    }

    private BaselineComparison.Change result(BaselineComparison.Outcome outcome, String measure, String message) {
        return new BaselineComparison.Change(outcome, group, measure, message);
    }
}
