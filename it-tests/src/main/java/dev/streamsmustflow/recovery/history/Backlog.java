package dev.streamsmustflow.recovery.history;

import java.util.List;

/**
 * What a fault under load cost in lag (docs/harness.md#input-under-load), derived from the lag samples of the
 * history: the peak lag between the fault and caught up, in records and in seconds of input, the time from that
 * peak until the lag was back at its pre-fault level, and how fast the backlog shrank meanwhile — the records a
 * second the app processed above the input's rate. A figure that could not be measured is null and
 * {@code undrained} says why.
 *
 * @param ratePerSecond the input's rate through the fault
 * @param levelBound the lag under which the app counts as caught up: its pre-fault level (see {@link LagLevel})
 * @param samples how many lag samples the figures come from
 * @param peakLag the highest lag sampled from the fault to caught up
 * @param peakLagAfterFaultMs when it was sampled, after the fault
 * @param peakLagSeconds the peak lag in seconds of input at the input's rate
 * @param drainMs from the peak until caught up (the lag back under {@code levelBound}); null where it never rose
 *     above it or never fell back
 * @param catchUpRecordsPerSecond the peak lag less the lag at caught up, over {@code drainMs}; null with it
 * @param undrained why {@code drainMs} is null; null where it was measured
 */
public record Backlog(long ratePerSecond, long levelBound, int samples, long peakLag, long peakLagAfterFaultMs,
        double peakLagSeconds, Long drainMs, Double catchUpRecordsPerSecond, String undrained) {

    /**
     * Derives the backlog of the fault {@code fault} from {@code history}, up to caught up ({@code caughtUp}, null
     * where the app did not catch up: then up to the last sample); null where the input did not flow through the
     * fault (no pre-fault level) or no lag was sampled after it.
     */
    public static Backlog derive(History history, HistoryEvent fault, Long caughtUp) {
        List<HistoryEvent> events = history.events();
        LagLevel level = LagEvents.level(events.stream().filter(event -> event.time() <= fault.time()).toList());
        if (level == null) {
            return null;
        }
        long end = caughtUp == null ? Long.MAX_VALUE : caughtUp;
        List<LagEvents.Sample> samples = LagEvents.samples(events).stream()
                .filter(sample -> sample.time() >= fault.time() && sample.time() <= end).toList();
        if (samples.isEmpty()) {
            return null;
        }
        LagEvents.Sample peak = samples.stream().reduce((highest, sample) -> sample.lag() > highest.lag() ? sample : highest)
                .orElseThrow();
        double peakSeconds = (double) peak.lag() / level.ratePerSecond();
        String undrained = peak.lag() <= level.bound() ? "the lag never rose above its pre-fault level of "
                + level.bound() + " records" : caughtUp == null ? "the lag did not fall back to its pre-fault level" : null;
        if (undrained != null) {
            return new Backlog(level.ratePerSecond(), level.bound(), samples.size(), peak.lag(), peak.time() - fault.time(),
                    peakSeconds, null, null, undrained);
        }
        LagEvents.Sample back = samples.get(samples.size() - 1);
        long drainMs = back.time() - peak.time();
        Double rate = drainMs > 0 ? (peak.lag() - back.lag()) * 1_000.0 / drainMs : null;
        return new Backlog(level.ratePerSecond(), level.bound(), samples.size(), peak.lag(), peak.time() - fault.time(),
                peakSeconds, drainMs, rate, rate == null ? "the lag fell back in the sample after its peak" : null);
    }
}
