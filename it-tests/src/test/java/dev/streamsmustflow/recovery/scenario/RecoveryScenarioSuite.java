package dev.streamsmustflow.recovery.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamsmustflow.recovery.checker.Validity;
import dev.streamsmustflow.recovery.deployment.AppSettings;
import dev.streamsmustflow.recovery.deployment.Variant;
import dev.streamsmustflow.recovery.history.RecoveryTimeline;
import dev.streamsmustflow.recovery.nemesis.Fault;
import dev.streamsmustflow.recovery.platform.Platform;
import dev.streamsmustflow.recovery.workload.WorkloadSpec;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The recovery scenarios of DESIGN.md, the same on every platform: a subclass says where they run.
 * Every scenario writes its RecoveryResult to target/recovery-results/.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RecoveryScenarioSuite {

    private static final Logger LOG = LoggerFactory.getLogger(RecoveryScenarioSuite.class);
    static final long SEED = 20261126L;
    static final Path RESULTS = Path.of(System.getProperty("recovery-results.dir", "target/recovery-results"));
    /** Short enough that a dead dynamic member does not hold the group for the default 45 s. */
    static final long SESSION_TIMEOUT_MS = 10_000;
    /**
     * {@code -Drecovery.state-records=N} sends enough trades before the fault for a changelog of about
     * N records (each trade updates five windows); by default a small state keeps the suite fast.
     */
    static final long STATE_RECORDS = Long.getLong("recovery.state-records", 0);
    /** At most this many records restored counts as "nothing" after a clean shutdown. */
    static final long NOTHING_TO_RESTORE = 100;

    private Platform platform;

    /** Starts the platform, or skips the suite (with the reason) where it cannot run. */
    abstract Platform startPlatform();

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

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource({
        "STATEFUL_SET, POD_KILL",
        "STATEFUL_SET, POD_DELETE",
        "STATEFUL_SET, CONTAINER_KILL",
        "DEPLOYMENT,   POD_KILL",
        "DEPLOYMENT,   POD_DELETE",
        "DEPLOYMENT,   CONTAINER_KILL",
        "STATEFUL_SET, ROLLING_RESTART",
        "DEPLOYMENT,   KILL_ALL"})
    void exactlyOnceRecoversWithEveryValueRight(Variant variant, Fault fault) {
        Assumptions.assumeTrue(platform.supports(fault), platform.name() + " cannot inject " + fault);
        RecoveryResult result = run(variant, fault, "exactly_once_v2");
        String context = context(result);

        assertEquals(Validity.VALID, result.verdict().validity(),
                "oracle: " + result.verdict().summary() + " " + result.verdict().examples() + context);
        RecoveryTimeline timeline = result.timeline();
        assertNotNull(timeline.processGone(), "the target's process never exited" + context);
        assertNotNull(timeline.replacementStarted(), "no replacement started" + context);
        assertNotNull(timeline.tasksAssigned(), "the replacement never got tasks" + context);
        assertNotNull(timeline.ready(), "the replacement never became ready" + context);
        assertNotNull(timeline.caughtUp(), "never caught up" + context);
        assertFalse(timeline.targetTasks().isEmpty(), "the target ran no task before the fault" + context);
        assertTrue(result.timeline().restores().stream().allMatch(restore -> restore.durationMs() >= 0),
                "restore durations recorded" + context);
        boolean samePod = fault == Fault.CONTAINER_KILL;
        String targetUid = String.valueOf(result.timeline().replacementUid());
        assertEquals(samePod, targetUid.equals(targetUidOf(result)),
                (samePod ? "a container restart keeps the pod" : "a replacement is a new pod (new uid)") + context);
        if (fault == Fault.POD_DELETE) {
            assertRestoreMechanism(variant, result, context);
        }
    }

    /**
     * After a graceful delete the StatefulSet replacement finds its volume and checkpoint and restores
     * (close to) nothing; the Deployment's tasks start on an empty disk and restore their whole changelog.
     */
    private static void assertRestoreMechanism(Variant variant, RecoveryResult result, String context) {
        Set<Integer> targetPartitions = result.timeline().targetTasks().stream()
                .map(task -> Integer.parseInt(task.substring(task.indexOf('_') + 1)))
                .collect(Collectors.toSet());
        List<RecoveryTimeline.Restore> ofTargetTasks = result.timeline().restores().stream()
                .filter(restore -> targetPartitions.contains(restore.partition()))
                .toList();
        long restored = ofTargetTasks.stream().mapToLong(RecoveryTimeline.Restore::records).sum();
        LOG.info("{}: the target's tasks {} restored {} records: {}", result.scenario(), result.timeline().targetTasks(),
                restored, ofTargetTasks);
        if (variant == Variant.STATEFUL_SET) {
            assertTrue(restored <= NOTHING_TO_RESTORE, "StatefulSet after a clean delete restored " + restored
                    + " records of the target's tasks, expected at most " + NOTHING_TO_RESTORE + ": " + ofTargetTasks + context);
        } else {
            Set<Integer> fromScratch = ofTargetTasks.stream()
                    .filter(restore -> restore.records() > NOTHING_TO_RESTORE)
                    .map(RecoveryTimeline.Restore::partition)
                    .collect(Collectors.toSet());
            assertEquals(targetPartitions, fromScratch, "Deployment after a delete: every task of the target must "
                    + "restore its changelog on an empty disk; restores seen: " + ofTargetTasks + context);
        }
    }

    @Test
    void atLeastOnceOverCountIsMeasuredNotFailed() {
        RecoveryResult result = run(Variant.STATEFUL_SET, Fault.POD_KILL, "at_least_once");
        String context = context(result);

        LOG.info("at-least-once after POD_KILL: {}", result.verdict().summary());
        assertNotEquals(Validity.UNKNOWN, result.verdict().validity(), result.verdict().error() + context);
        assertEquals(0, result.verdict().lost() + result.verdict().unexpected() + result.verdict().wrong(),
                "at-least-once may over-count but never lose or invent: " + result.verdict().summary()
                        + " " + result.verdict().examples() + context);
        assertEquals(Validity.VALID, result.verdict().validity(), result.verdict().summary() + context);
    }

    private RecoveryResult run(Variant variant, Fault fault, String guarantee) {
        ScenarioSpec spec = new ScenarioSpec(ScenarioSpec.id(platform.name(), variant, fault, guarantee), variant, fault, 3, 6,
                AppSettings.forScenario(guarantee, SESSION_TIMEOUT_MS), workload());
        RecoveryResult result = RecoveryScenario.run(platform, spec, RESULTS);
        LOG.info("{}: {} phases {} restored {} gap {}", result.scenario(), result.verdict().validity(), result.phasesMs(),
                result.recordsRestored(), result.outputGap());
        return result;
    }

    private static WorkloadSpec workload() {
        WorkloadSpec small = WorkloadSpec.small(SEED, WorkloadSpec.startingNow());
        return STATE_RECORDS > 0 ? small.withStateOf(STATE_RECORDS) : small;
    }

    private static String targetUidOf(RecoveryResult result) {
        return result.timeline().targetUids().get(0);
    }

    static String context(RecoveryResult result) {
        return "\n  seed " + result.workload().seed() + ", event time start " + result.workload().eventTimeStart() + ", result " + RESULTS.resolve(result.scenario() + ".json").toAbsolutePath()
                + ", pod logs " + result.podLogs() + ", history " + result.history();
    }
}
