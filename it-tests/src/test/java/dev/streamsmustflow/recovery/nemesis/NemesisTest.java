package dev.streamsmustflow.recovery.nemesis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamsmustflow.recovery.history.EventType;
import dev.streamsmustflow.recovery.history.FaultEvent;
import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.history.HistoryEvent;
import dev.streamsmustflow.recovery.platform.Capability;
import dev.streamsmustflow.recovery.platform.PlatformKind;
import dev.streamsmustflow.recovery.platform.PodView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/** Each fault against a platform that records what it is asked to do and replaces pods at once. */
class NemesisTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final Duration PAUSE = Duration.ofMillis(300);

    @TempDir
    Path logs;

    private final History history = new History();

    private FaultScope scope(RecordingApp app) {
        return new FaultScope(app, new RecordingPlatform(app), history, PAUSE);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "POD_KILL        | trade-stats-0                             | delete trade-stats-0 IMMEDIATE",
        "POD_DELETE      | trade-stats-0                             | delete trade-stats-0 GRACEFUL",
        "CONTAINER_KILL  | trade-stats-0                             | kill trade-stats-0",
        "SCALE_OUT       |                                           | scale 4",
        "SCALE_IN        | trade-stats-2                             | scale 2",
        "ROLLING_RESTART | trade-stats-0,trade-stats-1,trade-stats-2 | delete trade-stats-2 GRACEFUL,delete trade-stats-1 GRACEFUL,delete trade-stats-0 GRACEFUL",
        "PAUSE           | trade-stats-0                             | pause trade-stats-0,resume trade-stats-0",
        "BROKER_RESTART  |                                           | restart broker"})
    void eachFaultHitsItsTargetsThroughThePlatformsOperationsAndItsExpectationIsMet(Fault fault, String targets,
            String operations) {
        RecordingApp app = new RecordingApp(3, logs);

        InjectedFault injected = InjectedFault.start(fault, scope(app));
        injected.awaitEnd(WAIT);
        injected.awaitExpectation(app, WAIT);

        assertEquals(names(targets), injected.targets().stream().map(PodView::name).toList());
        assertEquals(names(operations), app.operations());
        FaultEvent started = FaultEvent.of(injected.started());
        assertEquals(fault.name(), started.fault());
        assertEquals(injected.targets().stream().map(PodView::uid).toList(), started.targetUids());
        assertEquals(List.of(EventType.FAULT_INJECTED, EventType.FAULT_ENDED),
                history.events().stream().map(HistoryEvent::type).toList());
    }

    @Test
    void aPodKillOnAStateHitBeforeHitsAPodNotHitBeforeWhileThereIsOne() {
        RecordingApp app = new RecordingApp(3, logs);

        InjectedFault second = InjectedFault.start(Fault.POD_KILL,
                new FaultScope(app, new RecordingPlatform(app), history, PAUSE, Set.of("trade-stats-0")));
        second.awaitEnd(WAIT);
        InjectedFault third = InjectedFault.start(Fault.POD_KILL,
                new FaultScope(app, new RecordingPlatform(app), history, PAUSE, Set.of("trade-stats-0", "trade-stats-1")));
        third.awaitEnd(WAIT);
        InjectedFault fourth = InjectedFault.start(Fault.POD_KILL, new FaultScope(app, new RecordingPlatform(app),
                history, PAUSE, Set.of("trade-stats-0", "trade-stats-1", "trade-stats-2")));
        fourth.awaitEnd(WAIT);

        assertEquals(List.of("delete trade-stats-1 IMMEDIATE", "delete trade-stats-2 IMMEDIATE",
                "delete trade-stats-0 IMMEDIATE"), app.operations(), "each pod once, then the first again");
    }

    @Test
    void killAllDeletesEveryPodAtOnceWithGracePeriodZero() {
        RecordingApp app = new RecordingApp(3, logs);

        InjectedFault injected = InjectedFault.start(Fault.KILL_ALL, scope(app));
        injected.awaitEnd(WAIT);
        injected.awaitExpectation(app, WAIT);

        assertEquals(Set.of("delete trade-stats-0 IMMEDIATE", "delete trade-stats-1 IMMEDIATE",
                "delete trade-stats-2 IMMEDIATE"), Set.copyOf(app.operations()));
        assertEquals(3, app.operations().size());
    }

    @Test
    void aFaultThatFailsIsInTheHistoryAndFailsWhoeverWaitsForIt() {
        RecordingApp app = new RecordingApp(3, logs).failingOn(operation -> {
            throw new IllegalStateException("the API server refused: " + operation);
        });

        InjectedFault injected = InjectedFault.start(Fault.POD_DELETE, scope(app));

        FaultFailedException failure = assertThrows(FaultFailedException.class, () -> injected.awaitEnd(WAIT));
        assertTrue(failure.getMessage().contains("POD_DELETE against [trade-stats-0] failed")
                && failure.getMessage().contains("the API server refused: delete trade-stats-0 GRACEFUL"),
                failure.getMessage());
        HistoryEvent failed = history.select(event -> event.is(EventType.FAULT_FAILED)).get(0);
        assertTrue(failed.textField("error").contains("the API server refused"), failed.toString());
    }

    @Test
    void theExpectationsTellAReplacementFromARestartInPlace() {
        PodView target = new PodView("trade-stats-0", "uid-a", 0, true, true);
        PodView other = new PodView("trade-stats-1", "uid-b", 0, true, true);
        List<PodView> replaced = List.of(new PodView("trade-stats-0", "uid-c", 0, true, true), other);
        List<PodView> restarted = List.of(new PodView("trade-stats-0", "uid-a", 1, true, true), other);

        assertTrue(Expectation.TARGETS_REPLACED.metBy(List.of(target), replaced, 2));
        assertTrue(!Expectation.TARGETS_REPLACED.metBy(List.of(target), restarted, 2), "the same uid is no replacement");
        assertTrue(!Expectation.TARGETS_REPLACED.metBy(List.of(target), List.of(other), 2), "a pod is still missing");
        assertTrue(Expectation.TARGETS_RESTARTED_IN_PLACE.metBy(List.of(target), restarted, 2));
        assertTrue(!Expectation.TARGETS_RESTARTED_IN_PLACE.metBy(List.of(target), List.of(target, other), 2),
                "no restart yet");
        assertTrue(Expectation.TARGETS_REMOVED.metBy(List.of(other), List.of(target), 1));
        assertTrue(!Expectation.TARGETS_REMOVED.metBy(List.of(other), List.of(target), 2), "a pod too few");
    }

    @Test
    void aPauseLetsTheProcessGoOnOnlyAfterItsLength() {
        RecordingApp app = new RecordingApp(3, logs);
        long before = System.nanoTime();

        InjectedFault injected = InjectedFault.start(Fault.PAUSE, scope(app));
        injected.awaitEnd(WAIT);

        assertTrue(Duration.ofNanos(System.nanoTime() - before).compareTo(PAUSE) >= 0,
                "the process was let go before the pause of " + PAUSE + " was over");
        assertEquals(List.of("pause trade-stats-0", "resume trade-stats-0"), app.operations());
        injected.awaitExpectation(app, WAIT);
    }

    @Test
    void killDuringRestoreKillsTheReplacementThatBeganRestoringAndNamesItInTheHistory() {
        RecordingApp app = new RecordingApp(3, logs).restoringInto(history);
        PodView first = app.pods().get(0);

        InjectedFault injected = InjectedFault.start(Fault.KILL_DURING_RESTORE, scope(app));
        injected.awaitEnd(WAIT);
        injected.awaitExpectation(app, WAIT);

        assertEquals(List.of("delete trade-stats-0 IMMEDIATE", "delete trade-stats-0 IMMEDIATE"), app.operations());
        HistoryEvent added = history.select(event -> event.is(EventType.FAULT_TARGET_ADDED)).get(0);
        HistoryEvent firstRestore = history.select(event -> event.is(EventType.RESTORE_START)).get(0);
        assertEquals(firstRestore.uid(), added.uid(), "the pod that began restoring first is the second target");
        assertTrue(!added.uid().equals(first.uid()) && !added.uid().equals(app.pods().get(0).uid()),
                "the second target is the first replacement, neither the original nor the survivor: " + history.events());
        assertEquals(List.of(first.uid()), FaultEvent.of(injected.started()).targetUids());
    }

    @ParameterizedTest(name = "{0} runs on {1}")
    @CsvSource(delimiter = '|', value = {
        "POD_KILL            | local,docker,k3s         | [CRASH_POD] (access to the nodes)",
        "POD_DELETE          | local,docker,k3s,cluster |",
        "CONTAINER_KILL      | local,docker,k3s         | [KILL_PROCESS_IN_PLACE] (access to the nodes)",
        "ROLLING_RESTART     | local,docker,k3s,cluster |",
        "SCALE_OUT           | local,docker,k3s,cluster |",
        "SCALE_IN            | local,docker,k3s,cluster |",
        "KILL_ALL            | local,docker,k3s         | [CRASH_POD] (access to the nodes)",
        "PAUSE               | local,docker,k3s         | [PAUSE_PROCESS] (access to the nodes)",
        "BROKER_RESTART      | local,docker             | [RESTART_BROKER] (a broker the harness runs and can start again on the same address)",
        "KILL_DURING_RESTORE | local,docker,k3s         | [CRASH_POD] (access to the nodes)"})
    void aFaultRunsWhereThePlatformCanDoWhatItNeedsAndIsRefusedElsewhereWithTheReason(Fault fault, String platforms,
            String reason) {
        Set<String> runsOn = Set.copyOf(names(platforms));

        for (PlatformKind kind : PlatformKind.values()) {
            String name = kind.toString();
            if (runsOn.contains(name)) {
                UnsupportedFaultException.refuseUnless(fault, kind);
            } else {
                UnsupportedFaultException refused = assertThrows(UnsupportedFaultException.class,
                        () -> UnsupportedFaultException.refuseUnless(fault, kind));
                assertEquals(fault + " cannot run on platform " + name + ": it needs " + reason, refused.getMessage());
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Fault.class)
    void everyFaultNeedsOnlyWhatSomePlatformOffers(Fault fault) {
        UnsupportedFaultException.refuseUnless(fault, PlatformKind.LOCAL);
        assertTrue(EnumSet.allOf(Capability.class).containsAll(fault.nemesis().needs()));
    }

    private static List<String> names(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isBlank() ? List.of()
                : List.of(commaSeparated.strip().split("\\s*,\\s*"));
    }
}
