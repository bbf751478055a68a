package dev.streamsmustflow.recovery.history;

import java.util.List;

/**
 * The lag the app keeps while the input flows before the fault, and the rule that says when it is back there
 * (docs/harness.md#input-under-load). At a steady rate the committed offsets trail the input's end by what
 * arrived since the last commit (100 ms under exactly-once, the commit interval under at-least-once) and what is
 * being processed: never 0, so "caught up" cannot mean "no lag". It means: every lag sampled for the settle time
 * is at most the highest lag sampled in the window before the fault plus a quarter second of input
 * ({@link #MARGIN_MS}), the bound.
 *
 * @param time when the level was measured, at the end of its window
 * @param highest the highest lag sampled in the window
 * @param bound the lag at or under which the app counts as back at its level
 * @param ratePerSecond the input's rate meanwhile
 */
public record LagLevel(long time, long highest, long bound, long ratePerSecond) {

    /** How much input above the pre-fault highest the bound allows: sampling catches a commit's sawtooth unevenly. */
    public static final long MARGIN_MS = 250;
    /**
     * A pre-fault lag above this many seconds of input means the app does not keep up with the rate: the lag would
     * grow without a fault.
     */
    public static final long KEEPING_UP_SECONDS = 2;

    /** The level of the samples of a pre-fault window, at {@code ratePerSecond}, measured at {@code time}. */
    public static LagLevel of(List<LagEvents.Sample> window, int ratePerSecond, long time) {
        if (window.isEmpty()) {
            throw new IllegalArgumentException("no lag sampled in the window before the fault");
        }
        long highest = window.stream().mapToLong(LagEvents.Sample::lag).max().orElseThrow();
        return new LagLevel(time, highest, highest + ratePerSecond * MARGIN_MS / 1_000, ratePerSecond);
    }

    /** Whether the app kept up with the input before the fault: its lag stayed under two seconds of input. */
    public boolean keepsUp() {
        return highest <= ratePerSecond * KEEPING_UP_SECONDS;
    }

    /**
     * When the app got back to this level, if it stayed there: the first of the trailing samples (up to {@code now})
     * that are all at or under the bound, provided they span at least {@code heldMs}; null while they do not.
     */
    public Long caughtUpSince(List<LagEvents.Sample> samples, long heldMs, long now) {
        Long since = null;
        for (LagEvents.Sample sample : samples) {
            if (sample.lag() > bound) {
                since = null;
            } else if (since == null) {
                since = sample.time();
            }
        }
        return since != null && now - since >= heldMs ? since : null;
    }

    /** Records this level in the history, stamped with its {@link #time()}. */
    public void recordIn(History history) {
        LagEvents.recordLevel(history, this);
    }
}
