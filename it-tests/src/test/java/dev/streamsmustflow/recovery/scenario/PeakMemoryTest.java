package dev.streamsmustflow.recovery.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamsmustflow.recovery.history.EventType;
import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.history.HistoryEvent;
import dev.streamsmustflow.recovery.platform.ProcessMemory;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PeakMemoryTest {

    private final History history = new History();

    @Test
    void eachPodsPeakIsTheHighestItReportedUnderItsName() {
        memoryEvent("trade-stats-0", 300);
        memoryEvent("trade-stats-0", 420);
        memoryEvent("trade-stats-0", 410); // a replacement under the same name, smaller so far
        memoryEvent("trade-stats-1", 380);

        PeakMemory memory = PeakMemory.of(history, new ProcessMemory(900L, null));

        assertEquals(Map.of("trade-stats-0", 420L, "trade-stats-1", 380L), memory.podsBytes());
        assertEquals(420L, memory.largestPodBytes());
        assertEquals(900L, memory.brokerBytes());
        assertNull(memory.podsUnmeasured());
    }

    @Test
    void withoutMemoryEventsThePodsFigureIsAbsentWithTheReason() {
        history.record(EventType.POD_CREATED, "trade-stats-0", "uid-0", Map.of());

        PeakMemory memory = PeakMemory.of(history, ProcessMemory.unmeasured("k3s does not read its broker's process memory"));

        assertTrue(memory.podsBytes().isEmpty());
        assertNull(memory.largestPodBytes());
        assertTrue(memory.podsUnmeasured().startsWith("no pod sent a memory event"), memory.podsUnmeasured());
        assertNull(memory.brokerBytes());
        assertEquals("k3s does not read its broker's process memory", memory.brokerUnmeasured());
    }

    private void memoryEvent(String pod, long peak) {
        history.append(new HistoryEvent(System.currentTimeMillis(), EventType.MEMORY, pod, pod + "-uid",
                Map.of("residentBytes", peak - 10, "peakResidentBytes", peak)));
    }
}
