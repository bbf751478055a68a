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

    @TempDir
    Path logs;

    private final History history = new History();

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "POD_KILL        | trade-stats-0                             | delete trade-stats-0 IMMEDIATE",
        "POD_DELETE      | trade-stats-0                             | delete trade-stats-0 GRACEFUL",
        "CONTAINER_KILL  | trade-stats-0                             | kill trade-stats-0",
        "SCALE_OUT       |                                           | scale 4",
        "SCALE_IN        | trade-stats-2                             | scale 2",
        "ROLLING_RESTART | trade-stats-0,trade-stats-1,trade-stats-2 | delete trade-stats-2 GRACEFUL,delete trade-stats-1 GRACEFUL,delete trade-stats-0 GRACEFUL"})
    void eachFaultHitsItsTargetsThroughThePlatformsOperationsAndItsExpectationIsMet(Fault fault, String targets,
            String operations) {
        RecordingApp app = new RecordingApp(3, logs);

        InjectedFault injected = InjectedFault.start(fault, app, history);
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
    void killAllDeletesEveryPodAtOnceWithGracePeriodZero() {
        RecordingApp app = new RecordingApp(3, logs);

        InjectedFault injected = InjectedFault.start(Fault.KILL_ALL, app, history);
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

        InjectedFault injected = InjectedFault.start(Fault.POD_DELETE, app, history);

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

    @ParameterizedTest(name = "{0}")
    @EnumSource(Fault.class)
    void everyFaultRunsLocallyAndOnK3sButNodeAccessIsNeededToKillAProcessInPlace(Fault fault) {
        Set<Capability> needs = fault.nemesis().needs();

        UnsupportedFaultException.refuseUnless(fault, "local", PlatformKind.LOCAL.capabilities());
        UnsupportedFaultException.refuseUnless(fault, "k3s", PlatformKind.K3S.capabilities());
        if (needs.contains(Capability.KILL_PROCESS_IN_PLACE)) {
            UnsupportedFaultException refused = assertThrows(UnsupportedFaultException.class,
                    () -> UnsupportedFaultException.refuseUnless(fault, "cluster", PlatformKind.CLUSTER.capabilities()));
            assertTrue(refused.getMessage().contains(fault + " cannot run on platform cluster: it needs "
                    + "[KILL_PROCESS_IN_PLACE] (access to the nodes)"), refused.getMessage());
        } else {
            UnsupportedFaultException.refuseUnless(fault, "cluster", PlatformKind.CLUSTER.capabilities());
        }
        assertTrue(EnumSet.allOf(Capability.class).containsAll(needs));
    }

    private static List<String> names(String commaSeparated) {
        return commaSeparated == null || commaSeparated.isBlank() ? List.of()
                : List.of(commaSeparated.strip().split("\\s*,\\s*"));
    }
}
