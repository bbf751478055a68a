package dev.streamsmustflow.recovery.history;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fault's events as the history records them, and the one place that names their fields: its start
 * ({@link EventType#FAULT_INJECTED}: which fault and which pods, by name and by uid, chosen before anything is
 * done to them), a pod it hit later ({@link EventType#FAULT_TARGET_ADDED}), its end or its failure.
 */
public record FaultEvent(String fault, List<String> targets, List<String> targetUids) {

    private static final String FAULT = "fault";
    private static final String TARGETS = "targets";
    private static final String TARGET_UIDS = "targetUids";
    private static final String ERROR = "error";
    private static final String REASON = "reason";

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

    /** Records the fault's start. */
    public HistoryEvent recordIn(History history) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put(FAULT, fault);
        fields.put(TARGETS, targets);
        fields.put(TARGET_UIDS, targetUids);
        return history.record(EventType.FAULT_INJECTED, fields);
    }

    /** Records that the fault hit a further pod after it began, and why: a target too. */
    public static void recordTargetAdded(History history, String pod, String uid, String reason) {
        history.record(EventType.FAULT_TARGET_ADDED, pod, uid, Map.of(REASON, reason));
    }

    /** Records that the fault's own action is over. */
    public static void recordEnd(History history, String fault) {
        history.record(EventType.FAULT_ENDED, Map.of(FAULT, fault));
    }

    /** Records that the fault's action failed. */
    public static void recordFailure(History history, String fault, Throwable error) {
        history.record(EventType.FAULT_FAILED, Map.of(FAULT, fault, ERROR, String.valueOf(error)));
    }
}
