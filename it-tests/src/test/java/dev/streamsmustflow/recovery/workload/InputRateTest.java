package dev.streamsmustflow.recovery.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A rate is a number or a share of a measured capacity, and the workload records which. */
class InputRateTest {

    private static final WorkloadSpec SMALL = WorkloadSpec.small(1L, 1_800_000_000_000L);

    @Test
    void aShareOfTheCapacityIsRoundedToWholeRecordsAndRecordedWithTheCapacity() {
        WorkloadSpec workload = InputRate.ofCapacity(50).applyTo(SMALL, 14_491.7);

        assertEquals(7_246, workload.ratePerSecond(), "half of 14,491.7 is 7,245.85");
        assertEquals(14_491.7, workload.load().capacityPerSecond());
        assertEquals(50, workload.load().percentOfCapacity());
        assertEquals(SMALL.load().settleMs(), workload.load().settleMs(), "the rest of the load stays");
    }

    @Test
    void aRateGivenIsUsedAsItIsAndIsNoShareOfACapacity() {
        WorkloadSpec shared = InputRate.ofCapacity(50).applyTo(SMALL, 10_000.0);
        WorkloadSpec given = InputRate.fixed(700).applyTo(shared, 10_000.0);

        assertEquals(700, given.ratePerSecond());
        assertNull(given.load().capacityPerSecond());
        assertNull(given.load().percentOfCapacity());
        assertEquals(SMALL.load().lagBudgetMs(), given.load().lagBudgetMs());
    }

    @Test
    void aShareNeedsACapacityAndBothKindsRefuseNonsense() {
        IllegalArgumentException noCapacity = assertThrows(IllegalArgumentException.class,
                () -> InputRate.ofCapacity(50).applyTo(SMALL, null));
        assertTrue(noCapacity.getMessage().contains("needs a measured capacity"), noCapacity.getMessage());
        assertThrows(IllegalArgumentException.class, () -> InputRate.ofCapacity(100), "the lag grows at 100 %");
        assertThrows(IllegalArgumentException.class, () -> InputRate.ofCapacity(0));
        assertThrows(IllegalArgumentException.class, () -> InputRate.fixed(0));
        assertThrows(IllegalArgumentException.class, () -> new InputRate(100, 50), "either a number or a share");
    }
}
