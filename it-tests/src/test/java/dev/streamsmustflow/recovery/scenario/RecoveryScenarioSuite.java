package dev.streamsmustflow.recovery.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.streamsmustflow.recovery.checker.Validity;
import dev.streamsmustflow.recovery.deployment.AppSettings;
import dev.streamsmustflow.recovery.deployment.ProcessingGuarantee;
import dev.streamsmustflow.recovery.deployment.Variant;
import dev.streamsmustflow.recovery.deployment.descriptor.AppDescriptor;
import dev.streamsmustflow.recovery.deployment.descriptor.DescriptorReader;
import dev.streamsmustflow.recovery.history.AppEvent;
import dev.streamsmustflow.recovery.history.EventType;
import dev.streamsmustflow.recovery.history.FaultEvent;
import dev.streamsmustflow.recovery.history.RecoveryTimeline.Restore;
import dev.streamsmustflow.recovery.history.RecoveryTimeline;
import dev.streamsmustflow.recovery.nemesis.Expectation;
import dev.streamsmustflow.recovery.nemesis.Fault;
import dev.streamsmustflow.recovery.platform.Platform;
import dev.streamsmustflow.recovery.platform.PlatformKind;
import dev.streamsmustflow.recovery.platform.container.AppImage;
import dev.streamsmustflow.recovery.workload.SteadyLoad;
import dev.streamsmustflow.recovery.workload.WorkloadSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recovery scenarios (docs/development.md lists them), the same on every platform: a subclass says where they run.
 * Every scenario writes its RecoveryResult to target/recovery-results/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RecoveryScenarioSuite {

    private static final Logger LOG = LoggerFactory.getLogger(RecoveryScenarioSuite.class);
    static final Path RESULTS = Path.of(System.getProperty("recovery-results.dir", "target/recovery-results"));
    /**
     * {@code -Drecovery.state-records=N} sends enough trades before the fault for a changelog of about
     * N records (each trade updates five windows); by default a small state keeps the suite fast.
     */
    static final long STATE_RECORDS = Long.getLong("recovery.state-records", 0);
    /**
     * How long PAUSE freezes its pod beyond the platform's session timeout, for the group to move the
     * paused pod's tasks away: measured on the local platform with a 6 s session, the survivors began
     * restoring them 1.2 to 1.9 s after it had expired.
     */
    static final Duration PAUSE_BEYOND_SESSION = Duration.ofSeconds(6);
    /**
     * The input's level measured over 2 s and held for 2 s, not 3 and 3: the suite checks behaviour, not timings, and
     * 20 lag samples a window still see every commit's peak (at most a second apart, under at-least-once); the half minute
     * this saves over the suite helps keep {@code verify} under its 10 minutes.
     */
    static final SteadyLoad SUITE_LOAD = new SteadyLoad(2_000, 2_000, null, null, SteadyLoad.DEFAULT_LAG_BUDGET_MS);
    /** At most this many records restored counts as "nothing" after a clean shutdown. */
    static final long NOTHING_TO_RESTORE = 100;
    /** The described app's input, records a second through the fault: its 3,000 sentences last the whole run. */
    private static final int DESCRIBED_APP_RATE = 200;

    private static final long MIN_JVM_RESIDENT_BYTES = 32L << 20;

    private Platform platform;

    /** Starts the platform, or skips the suite (with the reason) where it cannot run. */
    abstract Platform startPlatform();

    /**
     * For a platform that needs more than a JDK: fails where it is {@code required} but cannot run, skips
     * the whole suite (saying why) where it cannot run otherwise.
     *
     * @param problem why the platform cannot run here, or null
     */
    static void requireOrSkip(String platform, String problem, boolean required, String modeProperty) {
        if (problem != null && required) {
            throw new IllegalStateException(platform + " is required (-D" + modeProperty + "=require) but cannot run: "
                    + problem);
        }
        skipUnless(problem == null, platform + " scenarios skipped: " + problem);
    }

    /** Skips the whole suite, saying why on the console too (the test report alone hides it). */
    static void skipUnless(boolean condition, String reason) {
        if (!condition) {
            LOG.warn("SKIPPED: {}", reason);
        }
        Assumptions.assumeTrue(condition, reason);
    }

    @BeforeAll
    void start() {
        platform = startPlatform();
    }

    @AfterAll
    void stop() {
        if (platform != null) {
            platform.close();
        }
    }

    /**
     * Both variants where the variant decides what a recovery does (a crash, a graceful delete; the StatefulSet's
     * crash is {@link #aStateHitTwiceGivesAResultForEachFaultEachOnAPodNotHitBefore}'s, twice on one state); one
     * variant where it does not change the mechanism checked (a rolling restart and a kill of all pods replace every
     * pod). The rest of the matrix is {@code ./compare}'s (docs/matrix.md).
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "DEPLOYMENT,   POD_KILL",
        "STATEFUL_SET, POD_DELETE",
        "DEPLOYMENT,   POD_DELETE",
        "STATEFUL_SET, ROLLING_RESTART",
        "DEPLOYMENT,   KILL_ALL"})
    void exactlyOnceRecoversWithEveryValueRight(Variant variant, Fault fault) {
        assumeCapable(fault);
        assertRecoveredWithEveryValueRight(run(variant, fault, ProcessingGuarantee.EXACTLY_ONCE_V2), variant, fault);
    }

    /**
     * A container killed and restarted in its pod keeps the pod (its uid, its volume), on a Deployment. Where a
     * container engine restarts it (docker, k3s, a cluster) the suite runs it; on the local platform the restart is
     * the harness's own controller, which {@code PodControllerTest} checks without Kafka, and the scenario is
     * {@code ./compare --faults CONTAINER_KILL}'s: the half minute it would take helps keep {@code verify} under
     * its 10 minutes.
     */
    @Test
    void exactlyOnceRecoversFromAContainerRestartedInItsPod() {
        skipUnless(platform.kind() != PlatformKind.LOCAL, "CONTAINER_KILL on the local platform: its restart in place is "
                + "the harness's controller, checked by PodControllerTest; ./compare --faults CONTAINER_KILL runs the scenario");
        assumeCapable(Fault.CONTAINER_KILL);
        assertRecoveredWithEveryValueRight(run(Variant.DEPLOYMENT, Fault.CONTAINER_KILL, ProcessingGuarantee.EXACTLY_ONCE_V2),
                Variant.DEPLOYMENT, Fault.CONTAINER_KILL);
    }

    /**
     * The short version of {@code ./compare --app examples/word-count/recovery-app.yaml}: the word count example,
     * which knows nothing of the harness, through the same scenario as trade-stats (its jar on the local platform, its
     * image on docker): its input file replayed, before the fault and at a steady rate through it, a Deployment pod
     * killed, the replacement's restores measured through the recovery agent, and the output judged by the
     * differential check against each reference without faults: the app's own topology in TopologyTestDriver, and the
     * app itself run again on the platform, its record cache off (what an image without a topology to drive gets).
     */
    @ParameterizedTest
    @EnumSource(DescribedReference.class)
    void aDescribedAppRecoversFromAPodKillWithEveryCountRightAndItsRestoresMeasuredThroughTheAgent(
            DescribedReference reference) {
        skipUnless(platform.kind().runsDescribedApps(), platform.kind() + " does not run a described app yet");
        AppDescriptor described = DescriptorReader.read(Path.of(System.getProperty("word-count.descriptor")));
        AppDescriptor wordCount = reference == DescribedReference.RUN ? described.withoutReference() : described;
        assumeRuns(wordCount);
        WorkloadSpec workload = WorkloadSpec.small(WorkloadSpec.DEFAULT_SEED, WorkloadSpec.startingNow());
        ScenarioSpec spec = ScenarioSpec.of(platform.kind(), Variant.DEPLOYMENT, Fault.POD_KILL,
                        ProcessingGuarantee.EXACTLY_ONCE_V2, workload.eventTimeStart())
                .withId(platform.kind() + "-described-word-count-pod-kill-" + reference.name().toLowerCase(Locale.ROOT))
                .withTopology(2, ScenarioSpec.DEFAULT_PARTITIONS)
                // the example reads SESSION_TIMEOUT_MS: the killed pod's member is out of the group after 6 s
                .withSettings(AppSettings.exactlyOnce().withEnv("SESSION_TIMEOUT_MS", "6000"))
                .withWorkload(workload.withLoad(DESCRIBED_APP_RATE, SUITE_LOAD))
                .withDescribed(wordCount);

        RecoveryResult result = RecoveryScenario.run(platform, spec, RESULTS);
        log(result);

        String context = ScenarioEvidence.context(result);
        assertEquals(Validity.VALID, result.verdict().validity(),
                "differential check: " + result.verdict().summary() + " " + result.verdict().examples() + context);
        assertTrue(result.verdict().coverage().outputRecords() > 0, "the run's output was read" + context);
        assertTrue(result.verdict().summary().contains(reference == DescribedReference.RUN
                ? "expected output: a fault-free run on " + platform.kind() : "expected output: TopologyTestDriver"),
                "the verdict names its reference: " + result.verdict().summary() + context);
        assertEquals("word-count", result.setup().app(), context);
        assertEquals(wordCount.digest(), result.setup().appDescriptorDigest(), "the result names the file it ran from"
                + context);
        assertEquals(ProcessingGuarantee.EXACTLY_ONCE_V2, result.setup().guarantee(), context);
        assertEquals(AppImage.APP_VERSION, result.evidence().appVersion(), "the version its jar or image declares"
                + context);
        RecoveryTimeline timeline = result.measurements().timeline();
        assertNotNull(timeline.processGone(), "the target's process never exited" + context);
        assertNotNull(timeline.replacementStarted(), "no replacement started" + context);
        assertNotNull(timeline.tasksAssigned(), "the agent reported no tasks for the replacement" + context);
        assertNotNull(timeline.ready(), "the agent never reported the replacement ready" + context);
        assertNotNull(timeline.caughtUp(), "never caught up" + context);
        assertTrue(timeline.restores().stream().filter(Restore::loadedForRecovery).mapToLong(Restore::records).sum() > 0,
                "a new Deployment pod restored counts from the changelog: " + timeline.restores() + context);
    }

    /** Where a described app's expected output comes from. */
    enum DescribedReference {
        TOPOLOGY, RUN
    }

    /**
     * Skips the described app's scenario, or fails it where this platform is required, where the platform cannot
     * run {@code app} here (say, its image is not there); runs it by default.
     */
    void assumeRuns(AppDescriptor app) {
    }

    /** What every exactly-once recovery must show: the verdict, what the result records, and the timeline's moments. */
    private void assertRecoveredWithEveryValueRight(RecoveryResult result, Variant variant, Fault fault) {
        String context = ScenarioEvidence.context(result);

        assertEquals(Validity.VALID, result.verdict().validity(),
                "oracle: " + result.verdict().summary() + " " + result.verdict().examples() + context);
        assertCrossCheckAgrees(result, context);
        assertEquals(platform.kind().sessionTimeout().toMillis(), result.setup().sessionTimeoutMs(),
                "the result records the platform's session timeout" + context);
        assertEquals(AppImage.APP_VERSION, result.evidence().appVersion(),
                "the pods report the project's version, from the jar or the image" + context);
        assertMemoryMeasured(result, context);
        ChangelogState state = result.measurements().stateBeforeFault();
        long windowUpdates = 5L * result.setup().workload().tradesBefore();
        assertTrue(state.records() > 0 && state.records() <= windowUpdates && state.partitions() == result.setup().partitions(),
                "the changelogs hold at most one record per window update of the " + windowUpdates / 5 + " trades sent"
                        + " before the fault, in one partition per input partition: read " + state + context);
        RecoveryTimeline timeline = result.measurements().timeline();
        assertRestoredReadAgain(result, timeline, context);
        assertNotNull(timeline.processGone(), "the target's process never exited" + context);
        assertNotNull(timeline.replacementStarted(), "no replacement started" + context);
        assertNotNull(timeline.tasksAssigned(), "the replacement never got tasks" + context);
        assertNotNull(timeline.ready(), "the replacement never became ready" + context);
        assertNotNull(timeline.caughtUp(), "never caught up" + context);
        assertFalse(timeline.targetTasks().isEmpty(), "the target ran no task before the fault" + context);
        assertTrue(timeline.restores().stream().allMatch(restore -> restore.durationMs() != null && restore.durationMs() >= 0),
                "restore durations recorded" + context);
        boolean samePod = fault.nemesis().expectation() == Expectation.TARGETS_RESTARTED_IN_PLACE;
        assertEquals(samePod, String.valueOf(timeline.replacementUid()).equals(timeline.targetUids().get(0)),
                (samePod ? "a container restart keeps the pod" : "a replacement is a new pod (new uid)") + context);
        if (fault == Fault.POD_DELETE) {
            assertRestoreMechanism(variant, timeline, context);
        }
    }

    /**
     * What the recovery restored was read again after it: every partition a served restore loaded, and at least as
     * many records as the largest of those restores (two restores of one partition are read as one range).
     */
    private static void assertRestoredReadAgain(RecoveryResult result, RecoveryTimeline timeline, String context) {
        List<Restore> served = timeline.restores().stream().filter(Restore::loadedForRecovery).toList();
        ChangelogState readAgain = result.measurements().restoredReadAfter();
        if (served.isEmpty()) {
            assertNull(readAgain, "nothing was restored, so nothing was read again" + context);
            return;
        }
        assertNotNull(readAgain, "what was restored was not read again: " + served + context);
        long partitions = served.stream().map(restore -> restore.topic() + "-" + restore.partition()).distinct().count();
        long largest = served.stream().mapToLong(Restore::records).max().orElseThrow();
        assertEquals(partitions, readAgain.partitions(), "partitions read again, for the restores " + served + context);
        assertTrue(readAgain.records() >= largest, "read again " + readAgain + ", fewer records than the restore of "
                + largest + " among " + served + context);
    }

    /**
     * Faults that production clusters have besides a pod kill: a process frozen past the session
     * timeout (a zombie), the broker restarting under running pods, and a replacement killed while it
     * restores. Malformed and late input run meanwhile, as in every scenario. Each on the variant where its check says
     * most: a StatefulSet's zombie comes back under its static identity; the broker's restart hits both alike; a
     * Deployment's second replacement must load everything from offset 0 again.
     */
    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "STATEFUL_SET, PAUSE",
        "STATEFUL_SET, BROKER_RESTART",
        "DEPLOYMENT,   KILL_DURING_RESTORE"})
    void exactlyOnceRidesOutHarderFaultsWithEveryValueRight(Variant variant, Fault fault) {
        assumeCapable(fault);
        ScenarioSpec spec = spec(variant, fault, ProcessingGuarantee.EXACTLY_ONCE_V2);
        RecoveryResult result = RecoveryScenario.run(platform, spec, RESULTS);
        log(result);

        assertEquals(Validity.VALID, result.verdict().validity(), "oracle: " + result.verdict().summary() + " "
                + result.verdict().examples() + ScenarioEvidence.context(result));
        assertCrossCheckAgrees(result, ScenarioEvidence.context(result));
        HarderFaultChecks checks = new HarderFaultChecks(result);
        switch (fault) {
            case PAUSE -> checks.pausedPastTheSessionAndCameBackAZombie(spec.effectivePauseLength());
            case BROKER_RESTART -> checks.brokerRestartedUnderRunningPods();
            case KILL_DURING_RESTORE -> checks.secondReplacementRecovered(variant);
            default -> throw new IllegalArgumentException("no checks for " + fault);
        }
    }

    /**
     * After a graceful delete the StatefulSet replacement (same name, same volume, static membership: the
     * same tasks) finds its checkpoints and restores (close to) nothing of the target's tasks. The
     * Deployment replacement starts on an empty disk: every changelog it loads, as an active restore or
     * as a warm-up, it loads from offset 0. Which tasks it gets is the assignor's choice: the target's
     * tasks often go to a surviving pod that still has an older copy of their state from the startup
     * shuffle, and restore only the difference there, so the check is on the replacement, not on them.
     */
    private static void assertRestoreMechanism(Variant variant, RecoveryTimeline timeline, String context) {
        if (variant == Variant.STATEFUL_SET) {
            Set<Integer> targetPartitions = timeline.targetTasks().stream()
                    .map(task -> Integer.parseInt(task.substring(task.indexOf('_') + 1)))
                    .collect(Collectors.toSet());
            List<Restore> ofTargetTasks = timeline.restores().stream()
                    .filter(restore -> targetPartitions.contains(restore.partition()))
                    .toList();
            long restored = ScenarioEvidence.records(ofTargetTasks);
            LOG.info("the target's tasks {} restored {} records: {}", timeline.targetTasks(), restored, ofTargetTasks);
            assertTrue(restored <= NOTHING_TO_RESTORE, "StatefulSet after a clean delete restored " + restored
                    + " records of the target's tasks, expected at most " + NOTHING_TO_RESTORE + ": " + ofTargetTasks + context);
            return;
        }
        List<Restore> ofReplacement = timeline.restores().stream()
                .filter(restore -> restore.uid().equals(timeline.replacementUid()))
                .toList();
        Map<Integer, Restore> firstLoads = ofReplacement.stream()
                .collect(Collectors.toMap(Restore::partition, restore -> restore, (first, later) -> first));
        LOG.info("the Deployment's replacement {} loaded {} records: {}", timeline.replacementPod(), ScenarioEvidence.records(ofReplacement),
                ofReplacement);
        assertTrue(firstLoads.values().stream().allMatch(restore -> Long.valueOf(0).equals(restore.startOffset())),
                "the Deployment's replacement starts on an empty disk, so its first load of every changelog starts "
                        + "at offset 0; its first loads: " + firstLoads.values().stream()
                        .sorted(Comparator.comparing(Restore::partition)).toList() + context);
        assertTrue(ScenarioEvidence.records(ofReplacement) > NOTHING_TO_RESTORE, "the Deployment's replacement (a ready pod owns an "
                + "active task) loaded only " + ScenarioEvidence.records(ofReplacement) + " records: " + ofReplacement + "; all restores: "
                + timeline.restores() + context);
    }

    /**
     * A StatefulSet's crash, twice on one built state, each recovery held to everything an exactly-once recovery must
     * show; and the scaling preset's reuse of a built state: a second fault on it hits a pod the first did not, only
     * once every pod is ready with an active task again (a Deployment's replacement gets its tasks from a probing
     * rebalance, set to its least, 60 s), and each fault gives its own result. On a StatefulSet, whose replacement
     * gets its tasks back at once: a Deployment's waits for that probing rebalance, a minute of the suite's time for
     * the same check (the scaling preset runs both).
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource({"STATEFUL_SET"})
    void aStateHitTwiceGivesAResultForEachFaultEachOnAPodNotHitBefore(Variant variant) {
        ScenarioSpec once = spec(variant, Fault.POD_KILL, ProcessingGuarantee.EXACTLY_ONCE_V2);
        ScenarioSpec spec = once.withId(once.id() + "-twice").withFaultsOnState(2).withSettings(once.settings()
                .withEnv("KAFKA_STREAMS_PROBING_REBALANCE_INTERVAL_MS", "60000")
                .withEnv("KAFKA_STREAMS_STATE_CLEANUP_DELAY_MS", "1000"));

        List<RecoveryResult> results = RecoveryScenario.runAll(platform, spec, RESULTS, phase -> LOG.info("{}", phase));
        results.forEach(RecoveryScenarioSuite::log);

        assertEquals(List.of(spec.id() + "-rep1", spec.id() + "-rep2"),
                results.stream().map(RecoveryResult::scenario).toList());
        RecoveryResult first = results.get(0);
        RecoveryResult second = results.get(1);
        String context = ScenarioEvidence.context(second);
        assertEquals(List.of(0, 1), results.stream().map(result -> result.setup().earlierFaultsOnState()).toList());
        results.forEach(result -> assertRecoveredWithEveryValueRight(result, variant, Fault.POD_KILL));
        List<FaultEvent> faults = ScenarioEvidence.history(second).stream()
                .filter(event -> event.is(EventType.FAULT_INJECTED)).map(FaultEvent::of).toList();
        assertEquals(2, faults.size(), "two faults in the one history: " + faults + context);
        assertNotEquals(faults.get(0).targets(), faults.get(1).targets(), "the second fault hit the first's pod" + context);
        long secondFault = second.measurements().timeline().faultInjected();
        String replacement = first.measurements().timeline().replacementUid();
        assertTrue(ScenarioEvidence.history(second).stream().anyMatch(event -> event.is(EventType.TASKS_ASSIGNED)
                        && replacement.equals(event.uid()) && event.time() < secondFault
                        && !new AppEvent(event).activeTasks().isEmpty()),
                "the first fault's replacement " + replacement + " held an active task before the second fault" + context);
        assertTrue(second.setup().workload().tradesBefore() > first.setup().workload().tradesBefore(),
                "the second fault's state holds the first's workload too" + context);
        assertFalse(second.measurements().timeline().targetTasks().isEmpty(), "the second target ran no task" + context);
    }

    /**
     * A zombie under at-least-once, while the input flows: what it does to the output is measured, whatever it is
     * (its stale aggregates may land after the new owner's: regressed windows, and windows whose last value then
     * counts fewer trades than were sent, which the oracle counts as lost; over-counts). The result reports every
     * anomaly class the checker knows, each with its count, in the file a user reads. Whatever a zombie writes, it
     * makes up no window. (A crash under at-least-once is the guarantees preset's: its over-count, if any, is
     * measured there.)
     */
    @Test
    void atLeastOncePauseReportsEveryAnomalyClassWithItsCount() {
        assumeCapable(Fault.PAUSE);
        RecoveryResult result = run(Variant.STATEFUL_SET, Fault.PAUSE, ProcessingGuarantee.AT_LEAST_ONCE);
        String context = ScenarioEvidence.context(result);
        JsonNode verdict = ScenarioEvidence.resultJson(result).path("verdict");

        LOG.info("at-least-once after PAUSE: {} {}", result.verdict().summary(), result.verdict().examples());
        assertNotEquals(Validity.UNKNOWN, result.verdict().validity(), result.verdict().error() + context);
        // under at-least-once a window over-counted by duplicated trades is a measured over-count to the built-in
        // oracle (VALID) and a value the reference never had to the differential check: it may be stricter, never laxer
        assertNotNull(result.crossCheck(), "the scenario asked for the cross-check" + context);
        assertFalse(result.verdict().validity() == Validity.INVALID && result.crossCheck().validity() == Validity.VALID,
                "built-in oracle: " + result.verdict().summary() + "; differential check: " + result.crossCheck().summary()
                        + context);
        assertEquals(0, result.verdict().discrepancies().unexpected(), "a zombie makes up no window: "
                + result.verdict().summary() + " " + result.verdict().examples() + context);
        for (String count : List.of("lost", "unexpected", "duplicated", "overCountedTrades", "wrong", "regressed",
                "undetermined", "expectedWindows", "windowsSeen", "outputRecords", "lateDrops")) {
            assertTrue(verdict.path(count).isIntegralNumber(), "the verdict has no count " + count + ": " + verdict + context);
        }
        for (String count : List.of("expected", "seen", "missing", "doubled", "unexpected")) {
            assertTrue(verdict.path("deadLetters").path(count).isIntegralNumber(),
                    "the dead-letter check has no count " + count + ": " + verdict + context);
        }
        assertTrue(verdict.path("deadLetters").path("expected").asLong() > 0, "no malformed record was sent" + context);
    }

    /** Skips a scenario whose fault this platform cannot do (say, PAUSE on an existing cluster), saying why. */
    private void assumeCapable(Fault fault) {
        Assumptions.assumeTrue(fault.runsWith(platform.kind().capabilities()),
                platform.kind() + " cannot inject " + fault);
    }

    /** Every pod's peak resident memory, from its memory events; the broker's where the platform runs its process. */
    private void assertMemoryMeasured(RecoveryResult result, String context) {
        PeakMemory memory = result.measurements().memory();
        assertTrue(memory.podsBytes().size() >= result.setup().replicas()
                        && memory.podsBytes().values().stream().allMatch(bytes -> bytes > MIN_JVM_RESIDENT_BYTES),
                "every pod reports a peak resident memory above 32 MiB (a JVM running Kafka Streams): " + memory + context);
        if (Set.of(PlatformKind.LOCAL, PlatformKind.DOCKER).contains(platform.kind())) {
            assertTrue(memory.brokerBytes() != null && memory.brokerBytes() > MIN_JVM_RESIDENT_BYTES,
                    "the broker's peak resident memory, read from its process: " + memory + context);
        }
    }

    /**
     * The same run's output, judged the other way: the differential check against trade-stats' own topology (from
     * its descriptor, app/recovery-app.yaml) must give the built-in oracle's verdict.
     */
    private static void assertCrossCheckAgrees(RecoveryResult result, String context) {
        assertNotNull(result.crossCheck(), "the scenario asked for the cross-check" + context);
        assertEquals(result.verdict().validity(), result.crossCheck().validity(), "built-in oracle: "
                + result.verdict().summary() + "; differential check: " + result.crossCheck().summary() + " "
                + result.crossCheck().examples() + context);
    }

    private RecoveryResult run(Variant variant, Fault fault, ProcessingGuarantee guarantee) {
        RecoveryResult result = RecoveryScenario.run(platform, spec(variant, fault, guarantee), RESULTS);
        log(result);
        return result;
    }

    private ScenarioSpec spec(Variant variant, Fault fault, ProcessingGuarantee guarantee) {
        ScenarioSpec spec = ScenarioSpec.of(platform.kind(), variant, fault, guarantee, WorkloadSpec.startingNow())
                .withSettings(AppSettings.forScenario(guarantee, platform.kind().sessionTimeout().toMillis()))
                .withPauseLength(platform.kind().sessionTimeout().plus(PAUSE_BEYOND_SESSION))
                .withCrossCheck(DescriptorReader.read(Path.of(System.getProperty("trade-stats.descriptor"))));
        spec = spec.withWorkload(spec.workload().withLoad(spec.workload().ratePerSecond(), SUITE_LOAD));
        return STATE_RECORDS > 0 ? spec.withWorkload(spec.workload().withStateOf(STATE_RECORDS)) : spec;
    }

    private static void log(RecoveryResult result) {
        LOG.info("{}: {} ({}) phases {} restored {} thrown away {} gap {}", result.scenario(),
                result.verdict().validity(), result.verdict().summary(), result.measurements().phasesMs(),
                result.measurements().recordsRestored(), result.measurements().recordsThrownAway(),
                result.measurements().outputGap());
    }
}
