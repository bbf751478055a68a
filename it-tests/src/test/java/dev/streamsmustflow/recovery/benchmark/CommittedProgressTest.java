package dev.streamsmustflow.recovery.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CommittedProgressTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void theSteadyRateIsTakenBetweenAFifthAndFourFifthsOfTheInput() {
        CommittedProgress progress = new CommittedProgress(1_000);

        assertFalse(progress.sample(0, 0));
        assertFalse(progress.sample(5 * SECOND, 100)); // a slow start does not count
        assertFalse(progress.sample(6 * SECOND, 250)); // past a fifth
        assertFalse(progress.sample(8 * SECOND, 850)); // past four fifths: 600 records in 2 s
        assertTrue(progress.sample(20 * SECOND, 1_000)); // a slow tail does not count either

        assertEquals(300.0, progress.steadyRecordsPerSecond(), 1e-9);
        assertEquals(20 * SECOND, progress.lastSampleNanos());
    }

    @Test
    void aRunTooShortToSeeBothMarksApartHasNoRate() {
        CommittedProgress progress = new CommittedProgress(1_000);
        progress.sample(0, 0);
        progress.sample(SECOND, 1_000);

        IllegalStateException tooFast = assertThrows(IllegalStateException.class, progress::steadyRecordsPerSecond);
        assertTrue(tooFast.getMessage().contains("benchmark more trades"), tooFast.getMessage());
    }
}
