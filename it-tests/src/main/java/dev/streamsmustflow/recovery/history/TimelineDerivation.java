package dev.streamsmustflow.recovery.history;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** How a {@link RecoveryTimeline} is read off the events of a history after a fault. */
final class TimelineDerivation {

    private final History history;
    private final HistoryEvent fault;
    private final FaultEvent faultEvent;
    private final List<HistoryEvent> after;

    TimelineDerivation(History history, HistoryEvent fault) {
        this.history = history;
        this.fault = fault;
        this.faultEvent = FaultEvent.of(fault);
        this.after = history.select(event -> event.time() >= fault.time());
    }

    RecoveryTimeline timeline() {
        // Nothing but a replacement starts after a fault; a Deployment's may start before the old pod is gone.
        Optional<HistoryEvent> replacement = after.stream().filter(event -> event.is(EventType.CONTAINER_STARTED))
                .findFirst();
        String uid = replacement.map(HistoryEvent::uid).orElse(null);
        long spawned = replacement.map(HistoryEvent::time).orElse(fault.time());
        List<HistoryEvent> ofReplacement = after.stream()
                .filter(event -> event.source() == EventSource.APP && uid != null && uid.equals(event.uid()))
                .filter(event -> event.time() >= spawned)
                .toList();
        // The app is started once its JVM is up and Kafka Streams starts; before that it is the platform's.
        Long started = first(ofReplacement, event -> event.is(EventType.STARTED));
        if (started == null) {
            started = replacement.map(HistoryEvent::time).orElse(null);
        }
        Long caughtUp = first(after, event -> event.is(EventType.CAUGHT_UP));
        RestoreWork restores = RestoreWork.of(after, caughtUp);
        return new RecoveryTimeline(fault.time(), processGone(), started, tasksAssigned(ofReplacement),
                restores.started(), restores.ended(), lastToBecomeReady(), caughtUp,
                replacement.map(HistoryEvent::pod).orElse(null), uid, faultEvent.targetUids(), targetTasks(),
                restores.restores());
    }

    /** When the last target's process exited for the first time after the fault. */
    private Long processGone() {
        Long gone = null;
        for (String target : faultEvent.targetUids()) {
            Long exited = first(after, event -> event.is(EventType.CONTAINER_EXITED) && target.equals(event.uid()));
            gone = exited == null || (gone != null && gone > exited) ? gone : exited;
        }
        return gone;
    }

    /**
     * Kafka Streams lists a task in its thread metadata only once restored, so the first restore (or
     * warm-up) of the replacement tells the assignment earlier than tasks-assigned does.
     */
    private static Long tasksAssigned(List<HistoryEvent> ofReplacement) {
        return earliest(
                first(ofReplacement, event -> event.is(EventType.RESTORE_START)),
                first(ofReplacement, event -> event.is(EventType.STANDBY_UPDATE_START)),
                first(ofReplacement, event -> event.is(EventType.TASKS_ASSIGNED)
                        && !(event.listField("active").isEmpty() && event.listField("standby").isEmpty())),
                first(ofReplacement, event -> event.is(EventType.STATE_CHANGE) && "RUNNING".equals(event.textField("to"))));
    }

    /** The active tasks the first target ran when the fault hit. */
    private List<String> targetTasks() {
        String target = faultEvent.targetUids().isEmpty() ? null : faultEvent.targetUids().get(0);
        List<String> tasks = List.of();
        for (HistoryEvent event : history.select(event -> event.time() <= fault.time())) {
            if (event.is(EventType.TASKS_ASSIGNED) && event.uid() != null && event.uid().equals(target)) {
                tasks = event.listField("active");
            }
        }
        return tasks;
    }

    /** When the last pod started after the fault first became ready; null if one never did. */
    private Long lastToBecomeReady() {
        List<String> replacements = after.stream().filter(event -> event.is(EventType.CONTAINER_STARTED))
                .map(HistoryEvent::uid).distinct().toList();
        Long ready = null;
        for (String uid : replacements) {
            Long first = first(after, event -> event.is(EventType.READINESS) && uid.equals(event.uid())
                    && Boolean.TRUE.equals(event.fields().get("ready")));
            if (first == null) {
                return null;
            }
            ready = ready == null || first > ready ? first : ready;
        }
        return ready;
    }

    private static Long earliest(Long... times) {
        Long earliest = null;
        for (Long time : times) {
            if (time != null && (earliest == null || time < earliest)) {
                earliest = time;
            }
        }
        return earliest;
    }

    static Long first(List<HistoryEvent> events, Predicate<HistoryEvent> filter) {
        return events.stream().filter(filter).map(HistoryEvent::time).findFirst().orElse(null);
    }
}
