package dev.streamsmustflow.recovery.scenario;

import dev.streamsmustflow.recovery.history.AppEvent;
import dev.streamsmustflow.recovery.history.EventType;
import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.history.HistoryEvent;
import dev.streamsmustflow.recovery.platform.ProcessMemory;
import java.util.Map;
import java.util.TreeMap;

/**
 * The peak resident memory of a run, as the kernel counted it: each pod's, from the high-water marks its
 * {@code memory} events reported (every 5 s, so a pod killed between two reports may have peaked a
 * little higher), and the broker's at the end of the run. A figure that was not measured is absent,
 * with the reason.
 *
 * @param podsBytes per pod name, the highest {@code peakResidentBytes} it reported; empty when no pod did
 * @param podsUnmeasured why {@code podsBytes} is empty; null otherwise
 * @param brokerBytes the broker JVM's high-water mark when the run ended; null when unmeasured
 * @param brokerUnmeasured why {@code brokerBytes} is null; null otherwise
 */
public record PeakMemory(Map<String, Long> podsBytes, String podsUnmeasured, Long brokerBytes, String brokerUnmeasured) {

    public PeakMemory {
        podsBytes = podsBytes == null ? Map.of() : Map.copyOf(podsBytes);
    }

    /** What the pods reported in {@code history}, and the broker's figure. */
    public static PeakMemory of(History history, ProcessMemory broker) {
        Map<String, Long> pods = new TreeMap<>();
        for (HistoryEvent event : history.select(event -> event.is(EventType.MEMORY))) {
            Long peak = new AppEvent(event).peakResidentBytes();
            if (peak != null) {
                pods.merge(event.pod(), peak, Math::max);
            }
        }
        return new PeakMemory(pods, pods.isEmpty() ? "no pod sent a memory event (the app reads /proc/self/status, "
                + "which only Linux has)" : null, broker.peakResidentBytes(), broker.unmeasured());
    }

    /** The largest pod's peak; null when no pod reported one. */
    public Long largestPodBytes() {
        return podsBytes.values().stream().max(Long::compare).orElse(null);
    }
}
