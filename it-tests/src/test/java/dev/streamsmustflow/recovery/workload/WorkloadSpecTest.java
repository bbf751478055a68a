package dev.streamsmustflow.recovery.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WorkloadSpecTest {

    private static final long NOW = 1_800_000_000_000L;
    private static final long HOUR = 3_600_000L;

    @Test
    void aStateWithinHalfAnHourOfEventTimeStartsAtThePresent() {
        // 300,000 records at 5 ms: 25 minutes
        assertEquals(NOW, WorkloadSpec.small(1, NOW).withStateOf(300_000).eventTimeStart());
    }

    @Test
    void aLargerStateStartsItsEventTimeEarlierSoThatItsTradesStayWithinTheBrokersHourAhead() {
        WorkloadSpec tenMillion = WorkloadSpec.small(1, NOW).withStateOf(10_000_000);

        // 10,000,000 records × 5 ms = 50,000,000 ms before the present
        assertEquals(NOW - 50_000_000L, tenMillion.eventTimeStart());
        long lastTradeBound = tenMillion.eventTimeStart() + 10_000_000L * tenMillion.eventTimeStepMs();
        assertTrue(lastTradeBound - NOW < HOUR, "even one trade per record ends within the hour: " + lastTradeBound);
    }
}
