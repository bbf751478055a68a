package dev.streamsmustflow.recovery.history;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The start of a fault as the history records it ({@link EventType#FAULT_INJECTED}): which fault and
 * which pods, by name and by uid, chosen before anything is done to them.
 */
public record FaultEvent(String fault, List<String> targets, List<String> targetUids) {

    private static final String FAULT = "fault";
    private static final String TARGETS = "targets";
    private static final String TARGET_UIDS = "targetUids";

    public FaultEvent {
        targets = List.copyOf(targets);
        targetUids = List.copyOf(targetUids);
    }

    /** Reads a {@link EventType#FAULT_INJECTED} event. */
    public static FaultEvent of(HistoryEvent event) {
        if (!event.is(EventType.FAULT_INJECTED)) {
            throw new IllegalArgumentException("not the start of a fault: " + event);
        }
        return new FaultEvent(event.textField(FAULT), event.listField(TARGETS), event.listField(TARGET_UIDS));
    }

    public HistoryEvent recordIn(History history) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(FAULT, fault);
        fields.put(TARGETS, targets);
        fields.put(TARGET_UIDS, targetUids);
        return history.record(EventType.FAULT_INJECTED, fields);
    }
}
