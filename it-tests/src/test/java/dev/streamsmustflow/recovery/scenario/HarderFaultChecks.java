package dev.streamsmustflow.recovery.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamsmustflow.recovery.deployment.ProcessingGuarantee;
import dev.streamsmustflow.recovery.deployment.Variant;
import dev.streamsmustflow.recovery.history.AppEvent;
import dev.streamsmustflow.recovery.history.EventType;
import dev.streamsmustflow.recovery.history.HistoryEvent;
import dev.streamsmustflow.recovery.history.RecoveryTimeline.Restore;
import dev.streamsmustflow.recovery.history.RecoveryTimeline;
import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What must be true after PAUSE, BROKER_RESTART and KILL_DURING_RESTORE besides a VALID verdict: the
 * fault did what it says (from the history the scenario wrote), and the timeline shows its aftermath.
 */
final class HarderFaultChecks {

    private static final Logger LOG = LoggerFactory.getLogger(HarderFaultChecks.class);

    private final RecoveryResult result;
    private final RecoveryTimeline timeline;
    private final List<HistoryEvent> history;
    private final String context;

    HarderFaultChecks(RecoveryResult result) {
        this.result = result;
        this.timeline = result.measurements().timeline();
        this.history = ScenarioEvidence.history(result);
        this.context = ScenarioEvidence.context(result);
    }

    /**
     * The target was frozen for the pause length, did not exit while frozen, and came back under its uid; meanwhile
     * another pod took over one of its tasks, so the target came back a zombie that had lost its tasks. Once resumed
     * it goes on, with one exception under exactly-once: the pause outlasts the transaction timeout, the coordinator
     * aborts the transaction the zombie had open, and its commit may then fail with an error Kafka Streams does not
     * take for a lost task ({@code InvalidTxnStateException}, in 1 of 19 runs here; in the others it went on and
     * rejoined): the app reports it fatal and exits for its platform to restart it, which the verdict must survive.
     */
    void pausedPastTheSessionAndCameBackAZombie(Duration pauseLength) {
        String target = timeline.targetUids().get(0);
        HistoryEvent paused = only(EventType.CONTAINER_PAUSED, target);
        HistoryEvent resumed = only(EventType.CONTAINER_RESUMED, target);
        assertTrue(resumed.time() - paused.time() >= pauseLength.toMillis(), "paused at " + paused.time()
                + ", resumed at " + resumed.time() + ": shorter than " + pauseLength + context);
        List<HistoryEvent> exits = beforeTeardown(EventType.CONTAINER_EXITED).stream()
                .filter(event -> target.equals(event.uid())).toList();
        assertTrue(exits.stream().allMatch(exit -> exit.time() >= resumed.time()),
                "the paused pod's process exited while it was frozen: " + exits + context);
        if (!exits.isEmpty()) {
            assertEquals(ProcessingGuarantee.EXACTLY_ONCE_V2, result.guarantee(),
                    "the paused pod's process exited after the resume instead of going on: " + exits + context);
            List<HistoryEvent> fatal = events(EventType.FATAL_ERROR).stream()
                    .filter(event -> target.equals(event.uid()) && event.time() > paused.time()).toList();
            assertFalse(fatal.isEmpty(), "the paused pod's process exited after the resume without a fatal error: "
                    + exits + context);
            LOG.warn("{}: the zombie exited after the resume on its aborted transaction ({}), as the pause outlasted "
                    + "the transaction timeout {}", result.scenario(), fatal.get(0).fields().get("error"),
                    Checkpoints.TRANSACTION_TIMEOUT);
        }
        Set<Integer> targetPartitions = partitions(timeline.targetTasks());
        boolean tookOver = history.stream()
                .filter(event -> event.time() > paused.time() && event.time() < resumed.time())
                .filter(event -> event.uid() != null && !target.equals(event.uid()))
                .anyMatch(event -> (event.is(EventType.TASKS_ASSIGNED)
                        && !Collections.disjoint(partitions(new AppEvent(event).activeTasks()), targetPartitions))
                        || (event.is(EventType.RESTORE_START) && targetPartitions.contains(new AppEvent(event).partition())));
        assertTrue(tookOver, "no other pod took over one of the target's tasks " + timeline.targetTasks()
                + " while it was paused: the pause did not outlast the session" + context);
        assertNotNull(timeline.caughtUp(), "never caught up" + context);
    }

    /**
     * The broker stopped and started again after the fault, and every pod rode it out: none exited, none
     * was added. Unless the broker was away for longer than the transaction timeout (on a machine so busy
     * that its restart took that long): then its coordinator aborts the transactions open since, their
     * producers fail, and the app exits on the fatal error for its platform to restart it, which the
     * verdict must survive all the same.
     */
    void brokerRestartedUnderRunningPods() {
        long fault = timeline.faultInjected();
        HistoryEvent stopped = only(EventType.BROKER_STOPPED, null);
        HistoryEvent started = only(EventType.BROKER_STARTED, null);
        assertTrue(fault <= stopped.time() && stopped.time() <= started.time(),
                "broker stopped at " + stopped.time() + ", started at " + started.time() + ", fault at " + fault + context);
        assertEquals(Boolean.TRUE, stopped.fields().get("controlledShutdown"),
                "the broker did not shut down by itself on SIGTERM (a rolling upgrade's stop), it was killed" + context);
        List<String> exitedAfter = beforeTeardown(EventType.CONTAINER_EXITED).stream()
                .filter(event -> event.time() >= fault).map(HistoryEvent::pod).toList();
        long away = started.time() - fault;
        if (away < Checkpoints.TRANSACTION_TIMEOUT.toMillis()) {
            assertEquals(List.of(), exitedAfter, "pods whose process exited while the broker restarted (it was away "
                    + away + " ms)" + context);
        } else {
            LOG.warn("{}: the broker was away {} ms, longer than the transaction timeout {}: pods that exited as their "
                    + "transactions were aborted: {}", result.scenario(), away, Checkpoints.TRANSACTION_TIMEOUT, exitedAfter);
        }
        assertNotNull(timeline.caughtUp(), "never caught up" + context);
        assertEquals(List.of(), timeline.targetUids(), "a broker restart hits no pod" + context);
    }

    /**
     * A second pod was killed while it restored, and a third one recovered: every killed pod's exit was
     * seen, the pod the timeline measures is neither target. For the Deployment the third pod starts
     * empty too: every changelog it loads, it loads from offset 0.
     */
    void secondReplacementRecovered(Variant variant) {
        HistoryEvent added = only(EventType.FAULT_TARGET_ADDED, null);
        String first = timeline.targetUids().get(0);
        assertFalse(added.uid().equals(first), "the second target is the first one's replacement" + context);
        assertNotNull(timeline.processGone(), "the exit of a killed pod was not seen: " + timeline.missing() + context);
        assertNotNull(timeline.replacementUid(), "no third pod started" + context);
        assertFalse(Set.of(first, added.uid()).contains(timeline.replacementUid()),
                "the timeline measures a killed pod, not the one that recovered" + context);
        assertTrue(timeline.processGone() >= added.time(), "the second target's exit comes after it was hit" + context);
        assertNotNull(timeline.ready(), "the third pod never became ready: " + timeline.missing() + context);
        assertNotNull(timeline.caughtUp(), "never caught up" + context);
        if (variant == Variant.DEPLOYMENT) {
            Map<Integer, Restore> firstLoads = timeline.restores().stream()
                    .filter(restore -> restore.uid().equals(timeline.replacementUid()))
                    .collect(Collectors.toMap(Restore::partition, restore -> restore, (earlier, later) -> earlier));
            assertTrue(firstLoads.values().stream().allMatch(restore -> Long.valueOf(0).equals(restore.startOffset())),
                    "the Deployment's third pod starts on an empty disk; its first loads: " + firstLoads.values().stream()
                            .sorted(Comparator.comparing(Restore::partition)).toList() + context);
        }
    }

    /** Events of {@code type} up to the scenario's last checkpoint: after it the scenario tears its pods down. */
    private List<HistoryEvent> beforeTeardown(EventType type) {
        long lastCheckpoint = only(EventType.CAUGHT_UP_AFTER, null).time();
        return events(type).stream().filter(event -> event.time() <= lastCheckpoint).toList();
    }

    private List<HistoryEvent> events(EventType type) {
        return history.stream().filter(event -> event.is(type)).toList();
    }

    private HistoryEvent only(EventType type, String uid) {
        List<HistoryEvent> found = events(type).stream().filter(event -> uid == null || uid.equals(event.uid())).toList();
        assertEquals(1, found.size(), "expected one " + type + (uid == null ? "" : " of " + uid) + ", found " + found
                + context);
        return found.get(0);
    }

    private static Set<Integer> partitions(List<String> tasks) {
        return tasks.stream().map(task -> Integer.parseInt(task.substring(task.indexOf('_') + 1))).collect(Collectors.toSet());
    }
}
