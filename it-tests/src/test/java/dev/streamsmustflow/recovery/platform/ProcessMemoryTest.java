package dev.streamsmustflow.recovery.platform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ProcessMemoryTest {

    private static final String JVM = "Name:\tjava\nVmPeak:\t 9816012 kB\nVmHWM:\t  1228800 kB\nVmRSS:\t  1100000 kB\n";
    private static final String SHELL = "Name:\tsh\nVmHWM:\t     1612 kB\nVmRSS:\t     1600 kB\n";

    @Test
    void readsTheHighWaterMarkOfTheResidentSetInBytes() {
        assertEquals(new ProcessMemory(1_228_800L * 1_024, null), ProcessMemory.ofProcStatus(JVM, "the broker"));
    }

    @Test
    void ofSeveralStatusFilesTakesTheLargest() {
        assertEquals(1_228_800L * 1_024, ProcessMemory.ofProcStatus(SHELL + JVM, "the broker").peakResidentBytes());
    }

    @Test
    void withoutAHighWaterMarkSaysWhyInsteadOfAFigure() {
        ProcessMemory none = ProcessMemory.ofProcStatus("", "the broker's JVM in container 3f2a");

        assertNull(none.peakResidentBytes());
        assertEquals("the status of the broker's JVM in container 3f2a has no VmHWM line", none.unmeasured());
    }

    @Test
    void isAFigureOrAReasonNeverBothOrNeither() {
        assertThrows(IllegalArgumentException.class, () -> new ProcessMemory(1L, "why"));
        assertThrows(IllegalArgumentException.class, () -> new ProcessMemory(null, null));
    }
}
