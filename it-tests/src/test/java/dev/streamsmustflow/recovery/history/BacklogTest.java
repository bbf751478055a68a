package dev.streamsmustflow.recovery.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * "Caught up" and the backlog on a recorded history whose input never stops: 1,000 records/s throughout, lag
 * sampled every 100 ms. Before the fault the lag saws between 80 and 120 (commits every 100 ms); the fault at
 * {@link #FAULT} stops processing of some partitions, the lag rises by 300 a sample to 6,100 two seconds later,
 * then the recovered app drains it by 250 a sample, and it saws around 100 again.
 */
class BacklogTest {

    private static final int RATE = 1_000;
    private static final long FAULT = 1_800_000_010_000L;
    private static final long SAMPLE_MS = 100;

    @Test
    void theLevelIsTheHighestLagBeforeTheFaultAndAQuarterSecondOfInput() {
        LagLevel level = LagLevel.of(preFaultSamples(), RATE, FAULT);

        assertEquals(120, level.highest());
        assertEquals(120 + 250, level.bound(), "a quarter second at 1,000 records/s is 250 records");
        assertTrue(level.keepsUp(), "120 records is far under 2 s of input");
        assertFalse(LagLevel.of(List.of(new LagEvents.Sample(FAULT, 2_001)), RATE, FAULT).keepsUp(),
                "a lag of more than 2 s of input before any fault: the app does not keep up with the rate");
    }

    @Test
    void caughtUpIsWhenTheLagFellBackUnderTheBoundAndStayedForTheSettleTimeNotWhenItReachedZero() {
        LagLevel level = LagLevel.of(preFaultSamples(), RATE, FAULT);
        List<LagEvents.Sample> samples = faultAndRecovery();
        // falling by 250 from 6,100: 350 (≤ 370) is the 23rd sample after the peak at FAULT + 2,000 ms
        long back = FAULT + 2_000 + 23 * SAMPLE_MS;
        long end = samples.get(samples.size() - 1).time();

        assertEquals(back, level.caughtUpSince(samples, 3_000, end), "the lag never reached 0, yet it is back");
        assertNull(level.caughtUpSince(samples.stream().filter(sample -> sample.time() <= back + 2_900).toList(), 3_000,
                back + 2_900), "held for 2.9 s of the 3 s settle time: not yet");
        List<LagEvents.Sample> withSpike = new ArrayList<>(samples);
        withSpike.add(new LagEvents.Sample(end + SAMPLE_MS, 371));
        withSpike.add(new LagEvents.Sample(end + 2 * SAMPLE_MS, 100));
        assertNull(level.caughtUpSince(withSpike, 3_000, end + 2 * SAMPLE_MS),
                "one sample above the bound starts the settle time again");
    }

    @Test
    void theBacklogIsThePeakLagTheDrainFromItBackToTheLevelAndTheRateAboveTheInput() {
        History history = recorded(faultAndRecovery());
        long back = FAULT + 2_000 + 23 * SAMPLE_MS;

        Backlog backlog = Backlog.derive(history, fault(history), back);

        assertEquals(6_100, backlog.peakLag());
        assertEquals(2_000, backlog.peakLagAfterFaultMs());
        assertEquals(6.1, backlog.peakLagSeconds(), 1e-9, "6,100 records at 1,000 a second");
        assertEquals(2_300, backlog.drainMs(), "from the peak to the sample back under 370");
        assertEquals((6_100 - 350) / 2.3, backlog.catchUpRecordsPerSecond(), 1e-6,
                "5,750 records of backlog gone in 2.3 s: 2,500 a second above the input's rate");
        assertEquals(370, backlog.levelBound());
        assertNull(backlog.undrained());
    }

    @Test
    void aLagThatNeverRoseAboveTheLevelHasAPeakButNoDrainAndSaysWhy() {
        List<LagEvents.Sample> calm = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            calm.add(new LagEvents.Sample(FAULT + i * SAMPLE_MS, 100 + i % 3 * 50));
        }
        Backlog backlog = Backlog.derive(recorded(calm), fault(recorded(calm)), FAULT + 4_000);

        assertEquals(200, backlog.peakLag());
        assertNull(backlog.drainMs());
        assertNull(backlog.catchUpRecordsPerSecond());
        assertEquals("the lag never rose above its pre-fault level of 370 records", backlog.undrained());
    }

    @Test
    void aLagThatNeverFellBackHasNoDrainAndAFaultWithoutFlowingInputNoBacklog() {
        History history = recorded(faultAndRecovery().subList(0, 30));
        Backlog stuck = Backlog.derive(history, fault(history), null);

        assertEquals(6_100, stuck.peakLag());
        assertNull(stuck.drainMs());
        assertEquals("the lag did not fall back to its pre-fault level", stuck.undrained());

        History idle = new History();
        idle.append(faultEvent());
        assertNull(Backlog.derive(idle, fault(idle), FAULT + 1_000), "no pre-fault level: the input did not flow");
    }

    private static List<LagEvents.Sample> preFaultSamples() {
        List<LagEvents.Sample> samples = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            samples.add(new LagEvents.Sample(FAULT - 3_000 + i * SAMPLE_MS, 80 + i % 5 * 10));
        }
        return samples;
    }

    /** From the fault: 20 samples rising by 300 from 100 to 6,100, then falling by 250, then sawing around 100 for 5 s. */
    private static List<LagEvents.Sample> faultAndRecovery() {
        List<LagEvents.Sample> samples = new ArrayList<>();
        long time = FAULT;
        long lag = 100;
        for (int i = 0; i < 20; i++) {
            lag += 300;
            time += SAMPLE_MS;
            samples.add(new LagEvents.Sample(time, lag));
        }
        while (lag > 100) {
            lag = Math.max(100, lag - 250);
            time += SAMPLE_MS;
            samples.add(new LagEvents.Sample(time, lag));
        }
        for (int i = 0; i < 50; i++) {
            time += SAMPLE_MS;
            samples.add(new LagEvents.Sample(time, 90 + i % 3 * 15));
        }
        return samples;
    }

    private static History recorded(List<LagEvents.Sample> afterFault) {
        History history = new History();
        List<LagEvents.Sample> before = preFaultSamples();
        before.forEach(sample -> LagEvents.recordSample(history, sample.time(), sample.lag()));
        LagLevel.of(before, RATE, FAULT - 1).recordIn(history);
        history.append(faultEvent());
        afterFault.forEach(sample -> LagEvents.recordSample(history, sample.time(), sample.lag()));
        return history;
    }

    private static HistoryEvent faultEvent() {
        return new HistoryEvent(FAULT, EventType.FAULT_INJECTED, null, null,
                Map.of("fault", "POD_KILL", "targets", List.of("trade-stats-0"), "targetUids", List.of("uid-0")));
    }

    private static HistoryEvent fault(History history) {
        return history.select(event -> event.is(EventType.FAULT_INJECTED)).get(0);
    }
}
