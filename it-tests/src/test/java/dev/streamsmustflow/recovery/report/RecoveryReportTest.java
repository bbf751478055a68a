package dev.streamsmustflow.recovery.report;

import static dev.streamsmustflow.recovery.report.SampleResults.result;
import static dev.streamsmustflow.recovery.report.SampleResults.verdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamsmustflow.recovery.checker.Discrepancies;
import dev.streamsmustflow.recovery.checker.Validity;
import dev.streamsmustflow.recovery.history.Phase;
import dev.streamsmustflow.recovery.platform.PlatformKind;
import dev.streamsmustflow.recovery.scenario.RecoveryResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecoveryReportTest {

    @Test
    void resultsAreGroupedByVariantFaultAndGuarantee() {
        RecoveryReport report = SampleResults.report(
                result("DEPLOYMENT", "POD_KILL").caughtUp(10_000L),
                result("STATEFUL_SET", "POD_KILL").caughtUp(4_000L),
                result("STATEFUL_SET", "POD_KILL").caughtUp(9_000L),
                result("STATEFUL_SET", "POD_KILL").guarantee("at_least_once").caughtUp(3_000L),
                result("DEPLOYMENT", "POD_KILL").caughtUp(12_000L),
                result("STATEFUL_SET", "POD_DELETE"),
                result("STATEFUL_SET", "POD_KILL").caughtUp(5_000L));

        assertEquals(RecoveryReport.SCHEMA, report.schema());
        assertEquals(List.of("STATEFUL_SET POD_KILL exactly_once_v2 3", "DEPLOYMENT POD_KILL exactly_once_v2 2",
                "STATEFUL_SET POD_DELETE exactly_once_v2 1", "STATEFUL_SET POD_KILL at_least_once 1"),
                report.groups().stream().map(group -> group.variant() + " " + group.fault() + " " + group.guarantee() + " "
                        + group.repetitions()).toList());
        ReportGroup statefulSet = report.groups().get(0);
        assertEquals(new Spread(3, 5_000, 4_000, 9_000, 9_000), statefulSet.phasesMs().get(Phase.TIME_TO_CAUGHT_UP));
        assertEquals(new Spread(2, 11_000, 10_000, 12_000, 12_000), report.groups().get(1).phasesMs().get(Phase.TIME_TO_CAUGHT_UP));
        assertEquals(new Spread(3, 6_000, 6_000, 6_000, 6_000), statefulSet.phasesMs().get(Phase.OUTPUT_GAP));
        assertEquals(new Spread(3, 1_000_000, 1_000_000, 1_000_000, 1_000_000), statefulSet.recordsRestored());
        assertEquals(List.of(Phase.values()), List.copyOf(statefulSet.phasesMs().keySet()));
        assertEquals(100_000, statefulSet.stateRecords(), "20,000 trades before the fault, five window updates each");
    }

    @Test
    void theOrderTheResultsComeInChangesNothing() {
        List<RecoveryResult> results = List.of(
                result("STATEFUL_SET", "POD_KILL").scenario("local-stateful-set-pod-kill-eos-rep1").restored(40_000, 900).build(),
                result("DEPLOYMENT", "POD_KILL").scenario("local-deployment-pod-kill-eos-rep1").restored(50_000, 1_100).build(),
                result("STATEFUL_SET", "POD_KILL").scenario("local-stateful-set-pod-kill-eos-rep2").restored(30_000, 700).build());
        List<RecoveryResult> reversed = new ArrayList<>(results);
        Collections.reverse(reversed);

        // as ./compare hands them over, and as ./compare report reads them back from their files
        assertEquals(SampleResults.report(results).toJson(), SampleResults.report(reversed).toJson());
        assertEquals(RecoveryReport.of(results).toJson(), RecoveryReport.of(reversed).toJson());
    }

    @Test
    void aPhaseThatNeverHappenedIsLeftOutOfTheSpread() {
        RecoveryReport report = SampleResults.report(
                result("DEPLOYMENT", "POD_KILL").caughtUp(null).outputGap(null),
                result("DEPLOYMENT", "POD_KILL").caughtUp(8_000L).outputGap(null));

        ReportGroup group = report.groups().get(0);
        assertEquals(new Spread(1, 8_000, 8_000, 8_000, 8_000), group.phasesMs().get(Phase.TIME_TO_CAUGHT_UP));
        assertTrue(!group.phasesMs().containsKey("outputGap"), group.phasesMs().toString());
    }

    @Test
    void stateSizeAndIndependentSettingsSplitGroupsButSettingsOfTheVariantDoNot() {
        RecoveryReport report = SampleResults.report(
                result("STATEFUL_SET", "POD_KILL").stateRecords(1_000_000).setting("TRANSACTIONAL_STATE_STORES", "true"),
                result("STATEFUL_SET", "POD_KILL").stateRecords(1_000_000).setting("TRANSACTIONAL_STATE_STORES", "false"),
                result("STATEFUL_SET", "POD_KILL").stateRecords(2_000_000).setting("TRANSACTIONAL_STATE_STORES", "false"),
                result("DEPLOYMENT", "POD_KILL").stateRecords(1_000_000).setting("TRANSACTIONAL_STATE_STORES", "true"));

        assertEquals(4, report.groups().size());
        assertEquals(List.of(Map.of("TRANSACTIONAL_STATE_STORES", "false"), Map.of("TRANSACTIONAL_STATE_STORES", "false"),
                Map.of("TRANSACTIONAL_STATE_STORES", "true"), Map.of("TRANSACTIONAL_STATE_STORES", "true")),
                report.groups().stream().map(ReportGroup::settings).toList());
        assertEquals(List.of(1_000_000L, 2_000_000L, 1_000_000L, 1_000_000L),
                report.groups().stream().map(ReportGroup::stateRecords).toList());
        Environment environment = report.environment();
        assertEquals(List.of("TRANSACTIONAL_STATE_STORES"), environment.independentSettings());
        assertEquals(Map.of("STATEFUL_SET", Map.of("STATIC_MEMBERSHIP", "true"), "DEPLOYMENT", Map.of("STATIC_MEMBERSHIP", "false")),
                environment.settingsByVariant());
        assertEquals("3", environment.settings().get("replicas"));
        assertTrue(!environment.settings().containsKey("APPLICATION_ID"), "names the scenario, configures nothing");
    }

    @Test
    void aSettingThatComesWithTheGuaranteeIsDescribedNotGroupedBy() {
        RecoveryReport report = SampleResults.report(
                result("STATEFUL_SET", "POD_KILL"),
                result("STATEFUL_SET", "POD_KILL").guarantee("at_least_once").setting("KAFKA_STREAMS_COMMIT_INTERVAL_MS", "1000"),
                result("DEPLOYMENT", "POD_KILL"));

        assertEquals(3, report.groups().size());
        assertTrue(report.groups().stream().allMatch(group -> group.settings().isEmpty()));
        assertEquals("1000", report.environment().settingsByGuarantee().get("at_least_once").get("KAFKA_STREAMS_COMMIT_INTERVAL_MS"));
        assertTrue(report.environment().settingsByGuarantee().get("exactly_once_v2").containsKey("KAFKA_STREAMS_COMMIT_INTERVAL_MS"));
        assertEquals(null, report.environment().settingsByGuarantee().get("exactly_once_v2").get("KAFKA_STREAMS_COMMIT_INTERVAL_MS"));
    }

    /** The pause length belongs to PAUSE: named with it, not a split of every other fault's groups. */
    @Test
    void aSettingOfOneFaultIsDescribedWithThatFault() {
        RecoveryReport report = SampleResults.report(
                result("STATEFUL_SET", "PAUSE"),
                result("DEPLOYMENT", "POD_KILL"),
                result("STATEFUL_SET", "POD_KILL"));

        assertEquals(3, report.groups().size());
        assertTrue(report.groups().stream().allMatch(group -> group.settings().isEmpty()), report.groups().toString());
        assertEquals("10000", report.environment().settingsByFault().get("PAUSE").get("fault.pauseMs"));
        assertEquals(null, report.environment().settingsByFault().get("POD_KILL").get("fault.pauseMs"));
        assertTrue(report.environment().settingsByVariant().values().stream().noneMatch(s -> s.containsKey("fault.pauseMs")));
    }

    @Test
    void theVerdictOfAGroupIsTheWorstWithCountsSummed() {
        RecoveryReport report = SampleResults.report(
                result("DEPLOYMENT", "POD_KILL").verdict(verdict(Validity.VALID, 0, 0, 0, 0, 0)),
                result("DEPLOYMENT", "POD_KILL").verdict(verdict(Validity.INVALID, 2, 1, 3, 7, 0)),
                result("DEPLOYMENT", "POD_KILL").verdict(verdict(Validity.UNKNOWN, 0, 0, 0, 0, 0)),
                result("DEPLOYMENT", "POD_KILL").verdict(verdict(Validity.INVALID, 1, 0, 0, 0, 4)));

        GroupVerdict verdict = report.groups().get(0).verdict();
        assertEquals(Validity.INVALID, verdict.validity());
        assertEquals(3, verdict.notValid());
        assertEquals(new Discrepancies(3, 1, 3, 7, 4, 0, 0), verdict.discrepancies());
        assertEquals(3, verdict.notes().size());
    }

    @Test
    void theEnvironmentTellsHowToReproduceTheRun() {
        RecoveryReport report = SampleResults.report(result("STATEFUL_SET", "POD_KILL"));

        Environment environment = report.environment();
        assertEquals(List.of(new Environment.PlatformInfo(PlatformKind.LOCAL, "local: made by hand")), environment.platforms());
        assertEquals("4.4.0", environment.kafkaVersion());
        assertEquals("1.2.3", environment.appVersion());
        assertEquals(List.of(42L), environment.seeds());
        assertEquals("2027-01-15T08:01:40Z", environment.when(), "the fault at 1,800,000,100,000 ms");
    }

    @Test
    void theJsonReadsBackToTheSameReport(@TempDir Path directory) throws Exception {
        RecoveryReport report = SampleResults.report(
                result("STATEFUL_SET", "POD_KILL").caughtUp(4_000L),
                result("STATEFUL_SET", "POD_KILL").caughtUp(5_000L),
                result("DEPLOYMENT", "POD_KILL").restored(2_000_000, 3_000),
                result("STATEFUL_SET", "POD_KILL").guarantee("at_least_once").setting("KAFKA_STREAMS_COMMIT_INTERVAL_MS", "1000"));
        Path file = directory.resolve("report.json");
        java.nio.file.Files.writeString(file, report.toJson());

        assertEquals(report, RecoveryReport.readFrom(file));
    }

    @Test
    void nothingToReportIsAnError() {
        assertThrows(IllegalArgumentException.class, () -> SampleResults.report(List.of()));
    }

    @Test
    void aResultOfAnotherSchemaIsRejected() {
        RecoveryResult result = result("STATEFUL_SET", "POD_KILL").build();
        RecoveryResult other = new RecoveryResult("streams-must-flow/recovery-result/v0", result.setup(),
                result.measurements(), result.verdict(), result.evidence(), null);

        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> SampleResults.report(List.of(other)));
        assertTrue(error.getMessage().contains("recovery-result/v0"), error.getMessage());
    }
}
