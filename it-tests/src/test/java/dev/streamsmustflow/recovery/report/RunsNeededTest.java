package dev.streamsmustflow.recovery.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The runs a difference would need: 16 σ² / d², σ from the ranges of 3 runs each (a range of 3 is 1.693 σ). */
class RunsNeededTest {

    private static final Spread BASELINE = Spread.of(List.of(10_000L, 11_000L, 12_000L));

    @Test
    void aSmallDifferenceAgainstAWideSpreadNeedsManyRunsAndALargeOneFew() {
        // σ = 2,000 / 1.693 = 1,181 ms in both; 2 × (1.96 + 0.84)² × 1,181² / 500² = 87.5
        assertEquals(88, RunsNeeded.of(BASELINE, Spread.of(List.of(10_500L, 11_500L, 12_500L))));
        // the same spread, a difference of 2,000 ms: 5.5
        assertEquals(6, RunsNeeded.of(BASELINE, Spread.of(List.of(12_000L, 13_000L, 14_000L))));
        assertTrue(RunsNeeded.clause(BASELINE, Spread.of(List.of(10_500L, 11_500L, 12_500L)))
                .contains("would need about 88 runs a cell"));
    }

    @Test
    void noSpreadOrNoDifferenceTellsNothing() {
        assertNull(RunsNeeded.of(BASELINE, Spread.of(List.of(11_000L))), "a single run has no spread");
        assertNull(RunsNeeded.of(BASELINE, Spread.of(List.of(10_000L, 11_000L, 12_000L))), "no difference");
        assertEquals("", RunsNeeded.clause(BASELINE, Spread.of(List.of(11_000L))));
    }
}
