package dev.streamsmustflow.recovery.history;

import dev.streamsmustflow.recovery.deployment.GroupProtocol;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/** How a {@link RecoveryTimeline} is read off the events of a history after a fault, with why a moment is missing. */
final class TimelineDerivation {

    private final History history;
    private final HistoryEvent fault;
    private final FaultEvent faultEvent;
    private final List<HistoryEvent> after;
    private final Map<Moment, String> missing = new EnumMap<>(Moment.class);

    TimelineDerivation(History history, HistoryEvent fault) {
        this.history = history;
        this.fault = fault;
        this.faultEvent = FaultEvent.of(fault);
        this.after = history.select(event -> event.time() >= fault.time());
    }

    RecoveryTimeline timeline() {
        // Nothing but a replacement starts after a fault; a Deployment's may start before the old pod is gone.
        // A fault that also killed a replacement (while it restored) is recovered from by the one after it.
        long lastHit = after.stream().filter(event -> event.is(EventType.FAULT_TARGET_ADDED)).mapToLong(HistoryEvent::time)
                .max().orElse(fault.time());
        Optional<HistoryEvent> replacement = after.stream().filter(event -> event.is(EventType.CONTAINER_STARTED))
                .filter(event -> event.time() >= lastHit && !addedTargets().contains(event.uid()))
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
        Long gone = processGone(lastHit);
        Long assigned = tasksAssigned(ofReplacement);
        Long ready = lastToBecomeReady(lastHit);
        boolean noReplacement = replacement.isEmpty();
        explain(gone == null, Moment.PROCESS_GONE, faultEvent.targetUids().isEmpty() ? "the fault hit no pod"
                : "the exit of a target's process was not seen");
        explain(started == null, Moment.REPLACEMENT_STARTED, "no container started after the fault");
        explain(assigned == null, Moment.TASKS_ASSIGNED, noReplacement ? "no container started after the fault"
                : ofReplacement.isEmpty() ? "no telemetry from the replacement (its log stream was lost or it never started)"
                : "the replacement reported no task");
        explain(restores.started() == null, Moment.RESTORE_STARTED, restores.whyNothingServed());
        explain(restores.ended() == null, Moment.RESTORE_ENDED, restores.whyNothingServed());
        explain(ready == null, Moment.READY, noReplacement ? "no container started after the fault"
                : "a pod started after the fault never reported ready");
        explain(caughtUp == null, Moment.CAUGHT_UP, "the app did not catch up with its input");
        return new RecoveryTimeline(fault.time(), gone, started, assigned, restores.started(), restores.ended(), ready,
                caughtUp, replacement.map(HistoryEvent::pod).orElse(null), uid, faultEvent.targetUids(), targetTasks(),
                restores.restores(), fatalErrorsBefore(ofReplacement, assigned), missing);
    }

    private void explain(boolean isMissing, Moment moment, String why) {
        if (isMissing) {
            missing.put(moment, why);
        }
    }

    /** Pods the fault hit after it began (a replacement killed while it restored). */
    private List<String> addedTargets() {
        return after.stream().filter(event -> event.is(EventType.FAULT_TARGET_ADDED)).map(HistoryEvent::uid).toList();
    }

    /**
     * When the old process was gone: the first exit, after the last hit, of a pod the fault hit — the
     * first pod of a rolling restart, the replacement killed while it restored. Null if a hit pod was
     * never seen to exit.
     */
    private Long processGone(long lastHit) {
        List<String> targets = new ArrayList<>(faultEvent.targetUids());
        targets.addAll(addedTargets());
        List<Long> exits = new ArrayList<>();
        for (String target : targets) {
            Long exited = first(after, event -> event.is(EventType.CONTAINER_EXITED) && target.equals(event.uid()));
            if (exited == null) {
                return null;
            }
            exits.add(exited);
        }
        return exits.stream().filter(exit -> exit >= lastHit).min(Long::compare)
                .orElse(exits.stream().max(Long::compare).orElse(null));
    }

    /**
     * Kafka Streams lists a task in its thread metadata only once restored, so the first restore (or
     * warm-up) of the replacement tells the assignment earlier than tasks-assigned does. Under the
     * classic protocol RUNNING follows the assignment; under {@code group.protocol=streams} Kafka
     * Streams reports RUNNING before any task is assigned, so there RUNNING says nothing.
     */
    private static Long tasksAssigned(List<HistoryEvent> ofReplacement) {
        boolean streamsProtocol = ofReplacement.stream().filter(event -> event.is(EventType.STARTED))
                .anyMatch(event -> new AppEvent(event).groupProtocol() == GroupProtocol.STREAMS);
        return earliest(
                first(ofReplacement, event -> event.is(EventType.RESTORE_START)),
                first(ofReplacement, event -> event.is(EventType.STANDBY_UPDATE_START)),
                first(ofReplacement, event -> event.is(EventType.TASKS_ASSIGNED) && new AppEvent(event).holdsTasks()),
                streamsProtocol ? null : first(ofReplacement, event -> new AppEvent(event).enteredRunning()));
    }

    /** The replacement's fatal errors before it got its tasks (all of them when it never did). */
    private static List<RecoveryTimeline.FatalError> fatalErrorsBefore(List<HistoryEvent> ofReplacement, Long assigned) {
        return ofReplacement.stream()
                .filter(event -> event.is(EventType.FATAL_ERROR) && (assigned == null || event.time() < assigned))
                .map(event -> new RecoveryTimeline.FatalError(event.time(), new AppEvent(event).error()))
                .toList();
    }

    /** The active tasks the first target ran when the fault hit. */
    private List<String> targetTasks() {
        String target = faultEvent.targetUids().isEmpty() ? null : faultEvent.targetUids().get(0);
        List<String> tasks = List.of();
        for (HistoryEvent event : history.select(event -> event.time() <= fault.time())) {
            if (event.is(EventType.TASKS_ASSIGNED) && event.uid() != null && event.uid().equals(target)) {
                tasks = new AppEvent(event).activeTasks();
            }
        }
        return tasks;
    }

    /** When the last pod started after the fault (after its last hit) first became ready; null if one never did. */
    private Long lastToBecomeReady(long lastHit) {
        List<String> killed = addedTargets();
        List<String> replacements = after.stream().filter(event -> event.is(EventType.CONTAINER_STARTED))
                .filter(event -> event.time() >= lastHit && !killed.contains(event.uid()))
                .map(HistoryEvent::uid).distinct().toList();
        Long ready = null;
        for (String uid : replacements) {
            Long first = first(after, event -> event.is(EventType.READINESS) && uid.equals(event.uid())
                    && new AppEvent(event).ready());
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
