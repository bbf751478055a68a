package dev.streamsmustflow.recovery.history;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The recovery anatomy of DESIGN.md, derived from a history: t0 fault injected, t1 old process gone,
 * t2 replacement started, t3 tasks assigned, t4..t5 restore, t6 ready, t7 caught up. A timestamp
 * that did not happen stays null, and so does every phase that needs it. When a fault replaces
 * several pods, t2 and t3 are those of the first replacement and t6 is when the last one became ready.
 *
 * @param targetUids the uids of the pods the fault hit
 * @param targetTasks the active tasks the (first) target ran when the fault hit
 * @param restores every restore that ended after the fault, per pod and store partition
 */
public record RecoveryTimeline(
        long faultInjected,
        Long processGone,
        Long replacementStarted,
        Long tasksAssigned,
        Long restoreStarted,
        Long restoreEnded,
        Long ready,
        Long caughtUp,
        String replacementPod,
        String replacementUid,
        List<String> targetUids,
        List<String> targetTasks,
        List<Restore> restores) {

    public record Restore(String pod, String uid, String store, int partition, long startOffset, long endOffset,
            long records, long durationMs) {
    }

    /** Derives the timeline after the fault event {@code fault} (a harness {@code fault-injected} event). */
    public static RecoveryTimeline derive(History history, HistoryEvent fault) {
        List<HistoryEvent> after = history.select(event -> event.time() >= fault.time());
        Set<String> targets = Set.copyOf(targetUids(fault));
        // Gone when the last target's process exited for the first time after the fault.
        Long gone = null;
        for (String target : targets) {
            Long exited = first(after, event -> event.is(HistoryEvent.PLATFORM, "container-exited") && target.equals(event.uid()));
            gone = exited == null || (gone != null && gone > exited) ? gone : exited;
        }
        // Nothing but a replacement starts after a fault; a Deployment's may start before the old pod is gone.
        Optional<HistoryEvent> replacement = after.stream()
                .filter(event -> event.is(HistoryEvent.PLATFORM, "container-started"))
                .findFirst();
        String pod = replacement.map(HistoryEvent::pod).orElse(null);
        String uid = replacement.map(HistoryEvent::uid).orElse(null);
        long spawned = replacement.map(HistoryEvent::time).orElse(fault.time());
        List<HistoryEvent> ofReplacement = after.stream()
                .filter(event -> event.source().equals(HistoryEvent.APP) && uid != null && uid.equals(event.uid()))
                .filter(event -> event.time() >= spawned)
                .toList();
        // The app is started once its JVM is up and Kafka Streams starts; before that it is the platform's.
        Long started = first(ofReplacement, event -> event.type().equals("started"));
        if (started == null) {
            started = replacement.map(HistoryEvent::time).orElse(null);
        }
        // Kafka Streams lists a task in its thread metadata only once restored, so the first restore
        // of the replacement tells the assignment earlier than tasks-assigned does.
        Long assigned = earliest(
                first(ofReplacement, event -> event.type().equals("restore-start")),
                first(ofReplacement, event -> event.type().equals("tasks-assigned")
                        && !(isEmpty(event.fields().get("active")) && isEmpty(event.fields().get("standby")))),
                first(ofReplacement, event -> event.type().equals("state-change") && "RUNNING".equals(event.fields().get("to"))));
        Long ready = lastToBecomeReady(after);
        Long caughtUp = first(after, event -> event.is(HistoryEvent.HARNESS, "caught-up"));
        List<Restore> restores = new ArrayList<>();
        Long restoreStarted = null;
        Long restoreEnded = null;
        for (HistoryEvent event : after) {
            if (!event.source().equals(HistoryEvent.APP) || (caughtUp != null && event.time() > caughtUp)) {
                continue;
            }
            if (event.type().equals("restore-start")) {
                restoreStarted = restoreStarted == null ? event.time() : restoreStarted;
            } else if (event.type().equals("restore-end")) {
                restoreEnded = event.time();
                restores.add(new Restore(event.pod(), event.uid(), String.valueOf(event.fields().get("store")),
                        (int) event.longField("partition"), event.longField("startOffset"), event.longField("endOffset"),
                        event.longField("recordsRestored"), event.longField("durationMs")));
            }
        }
        return new RecoveryTimeline(fault.time(), gone, started, assigned, restoreStarted, restoreEnded, ready, caughtUp,
                pod, uid, List.copyOf(targetUids(fault)), targetTasks(history, fault), List.copyOf(restores));
    }

    public long recordsRestored() {
        return restores.stream().mapToLong(Restore::records).sum();
    }

    /** The phases of DESIGN.md in ms; a phase whose ends did not both happen is null. */
    public Map<String, Long> phases() {
        Map<String, Long> phases = new java.util.LinkedHashMap<>();
        phases.put("termination", between(faultInjected, processGone));
        phases.put("start", between(processGone, replacementStarted));
        phases.put("rebalance", between(replacementStarted, tasksAssigned));
        phases.put("restore", restoreStarted == null ? Long.valueOf(0) : between(restoreStarted, restoreEnded));
        phases.put("catchUp", between(ready, caughtUp));
        phases.put("timeToReady", between(faultInjected, ready));
        phases.put("timeToCaughtUp", between(faultInjected, caughtUp));
        return phases;
    }

    private static Long between(Long from, Long to) {
        return from == null || to == null ? null : Math.max(0, to - from);
    }

    @SuppressWarnings("unchecked")
    private static Collection<String> targetUids(HistoryEvent fault) {
        Object uids = fault.fields().get("targetUids");
        return uids instanceof Collection<?> collection ? (Collection<String>) collection : List.of();
    }

    private static List<String> targetTasks(History history, HistoryEvent fault) {
        Collection<String> uids = targetUids(fault);
        String target = uids.isEmpty() ? null : uids.iterator().next();
        List<String> tasks = List.of();
        for (HistoryEvent event : history.select(event -> event.time() <= fault.time())) {
            if (event.source().equals(HistoryEvent.APP) && event.type().equals("tasks-assigned") && event.uid().equals(target)
                    && event.fields().get("active") instanceof Collection<?> active) {
                tasks = active.stream().map(String::valueOf).toList();
            }
        }
        return tasks;
    }

    /** When the last pod started after the fault first became ready; null if one never did. */
    private static Long lastToBecomeReady(List<HistoryEvent> after) {
        List<String> replacements = after.stream()
                .filter(event -> event.is(HistoryEvent.PLATFORM, "container-started"))
                .map(HistoryEvent::uid).distinct().toList();
        Long ready = null;
        for (String uid : replacements) {
            Long first = first(after, event -> event.is(HistoryEvent.APP, "readiness") && uid.equals(event.uid())
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

    private static boolean isEmpty(Object tasks) {
        return !(tasks instanceof Collection<?> collection) || collection.isEmpty();
    }

    private static Long first(List<HistoryEvent> events, java.util.function.Predicate<HistoryEvent> filter) {
        return events.stream().filter(filter).map(HistoryEvent::time).findFirst().orElse(null);
    }

}
