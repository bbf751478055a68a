package dev.streamsmustflow.recovery.report;

/**
 * A group's figures under load, for the report's table of them: what {@link BacklogDrain} and {@link LagBudget} read
 * off each run, by name. Each is the spread over the runs that showed it, or null where none did.
 */
public final class BacklogFigures {

    private BacklogFigures() {
    }

    /** Whether any run of the group had its input flowing through the fault and a backlog measured. */
    public static boolean underLoad(ReportGroup group) {
        return group.figure(BacklogDrain.INPUT_RATE) != null;
    }

    public static Spread inputRate(ReportGroup group) {
        return group.figure(BacklogDrain.INPUT_RATE);
    }

    public static Spread percentOfCapacity(ReportGroup group) {
        return group.figure(LagBudget.PERCENT);
    }

    public static Spread peakLag(ReportGroup group) {
        return group.figure(BacklogDrain.PEAK_LAG);
    }

    public static Spread peakLagMsOfInput(ReportGroup group) {
        return group.figure(BacklogDrain.PEAK_LAG_MS);
    }

    public static Spread drainMs(ReportGroup group) {
        return group.figure(BacklogDrain.DRAIN);
    }

    public static Spread catchUpRecordsPerSecond(ReportGroup group) {
        return group.figure(BacklogDrain.CATCH_UP_RATE);
    }

    /** {@code 2 of 3} runs caught up within the lag budget, or null where no run was judged against one. */
    public static String withinBudget(ReportGroup group) {
        Spread within = group.figure(LagBudget.WITHIN);
        Spread over = group.figure(LagBudget.OVER);
        if (within == null && over == null) {
            return null;
        }
        int fit = within == null ? 0 : within.count();
        return fit + " of " + (fit + (over == null ? 0 : over.count()));
    }
}
