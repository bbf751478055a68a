package dev.streamsmustflow.recovery.report;

import static dev.streamsmustflow.recovery.report.SampleResults.result;
import static dev.streamsmustflow.recovery.report.SampleResults.verdict;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamsmustflow.recovery.checker.DeadLetterCheck;
import dev.streamsmustflow.recovery.checker.InputAudit;
import dev.streamsmustflow.recovery.checker.Validity;
import dev.streamsmustflow.recovery.platform.PlatformKind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The conclusion's sentences follow the numbers: change a number and the sentence changes with it. */
class ReportConclusionTest {

    @Test
    void namesTheVariantThatCaughtUpFasterAndByHowMuch() {
        List<String> conclusion = SampleResults.report(
                result("STATEFUL_SET", "POD_KILL").caughtUp(4_000L),
                result("DEPLOYMENT", "POD_KILL").caughtUp(10_000L)).conclusion();

        // 10,000 / 4,000 = 2.5; 10,000 - 4,000 = 6,000
        assertContains(conclusion, "POD_KILL: STATEFUL_SET caught up faster than DEPLOYMENT: 4,000 ms vs 10,000 ms,"
                + " 6,000 ms sooner (×2.50), from a single run each");
        assertContains(conclusion, "Each group ran once");
    }

    @Test
    void namesTheLargestAndSmallestBacklogUnderLoadAndTheRunsWhoseLagNeverRoseAboveItsLevel() {
        List<String> conclusion = SampleResults.report(
                result("DEPLOYMENT", "POD_KILL").backlog(6_000, 4_000L, 1_400.0),
                result("STATEFUL_SET", "POD_KILL").backlog(1_000, 500L, 1_700.0),
                result("STATEFUL_SET", "POD_DELETE").backlog(120, null, null)).conclusion();

        // the sample input flows at 500 records/s: 6,000 records are 12 s of it, 1,000 are 2 s
        assertContains(conclusion, "Input under load: 500 records/s flowed through every fault");
        assertContains(conclusion, "Backlog: the peak lag after the fault was largest in DEPLOYMENT POD_KILL, 6,000 records "
                + "(12,000 ms of input), drained back to the pre-fault level in 4,000 ms at 1,400 records/s above the "
                + "input's rate (medians of 1 run); smallest in STATEFUL_SET POD_KILL, 1,000 records (2,000 ms of input), "
                + "drained back to the pre-fault level in 500 ms at 1,700 records/s");
        assertContains(conclusion, "STATEFUL_SET POD_DELETE: in 1 of 1 run the lag never rose above its pre-fault level "
                + "(at most 120 records)");
        assertTrue(conclusion.stream().noneMatch(sentence -> sentence.startsWith("Input of an idle app")),
                String.join("\n", conclusion));
    }

    @Test
    void saysUpToWhichLoadEachVariantsRecoveriesFittedTheLagBudget() {
        List<String> conclusion = SampleResults.report(
                result("STATEFUL_SET", "POD_KILL").load(25, 10_000, 30_000).caughtUp(8_000L),
                result("STATEFUL_SET", "POD_KILL").load(90, 10_000, 30_000).caughtUp(12_000L),
                result("DEPLOYMENT", "POD_KILL").load(25, 10_000, 30_000).caughtUp(20_000L),
                result("DEPLOYMENT", "POD_KILL").load(90, 10_000, 30_000).caughtUp(41_000L),
                result("DEPLOYMENT", "POD_KILL").load(90, 10_000, 30_000).caughtUp(29_000L)).conclusion();

        assertContains(conclusion, "Input under load: 2,500 to 9,000 records/s (25 % and 90 % of the app's capacity, its "
                + "steady processing rate measured by the benchmark on the same platform and settings: 10,000 records/s)");
        assertContains(conclusion, "Lag budget 30,000 ms (from the fault until the lag of the committed offsets is back at "
                + "its pre-fault level):");
        assertContains(conclusion, "STATEFUL_SET POD_KILL: within it at 25 % of the capacity (slowest run 8,000 ms) and 90 % "
                + "of the capacity (slowest run 12,000 ms).");
        // 41 s is over the 30 s budget, 29 s within it: one of the two runs at 90 %
        assertContains(conclusion, "DEPLOYMENT POD_KILL: within it at 25 % of the capacity (slowest run 20,000 ms); beyond "
                + "it at 90 % of the capacity (1 of 2 runs, slowest 41,000 ms).");
    }

    @Test
    void saysWhetherOtherWorkSharedTheMachineAndWhereItWasNoticeable() {
        List<String> conclusion = SampleResults.report(
                result("STATEFUL_SET", "POD_KILL").machine(71.0, 0.4, "sshd"),
                result("DEPLOYMENT", "POD_KILL").machine(93.0, 23.5, "java"),
                result("DEPLOYMENT", "POD_KILL").machine(80.0, 1.2, "sshd")).conclusion();
        List<String> quiet = SampleResults.report(
                result("STATEFUL_SET", "POD_KILL").machine(70.0, 0.4, "sshd")).conclusion();

        assertContains(conclusion, "Other work on the machine: besides the harness, its broker and pods and the container "
                + "engine, other processes used at most 23.5 % of the CPU in any of the 3 runs measured; the machine was "
                + "71.0 % to 93.0 % busy over a run. More than 5 % in DEPLOYMENT POD_KILL (up to 23.5 %)");
        assertContains(quiet, "other processes used at most 0.4 % of the CPU in any of the 1 run measured; the machine "
                + "was 70.0 % busy over a run.");
        assertTrue(quiet.stream().noneMatch(sentence -> sentence.contains("More than 5 %")), String.join("\n", quiet));
    }

    @Test
    void saysHowManyRunsHitAStateThatAnEarlierRunHadHit() {
        List<String> reused = SampleResults.report(
                result("DEPLOYMENT", "POD_KILL").earlierFaultsOnState(0),
                result("DEPLOYMENT", "POD_KILL").earlierFaultsOnState(1),
                result("DEPLOYMENT", "POD_KILL").earlierFaultsOnState(2)).conclusion();
        List<String> fresh = SampleResults.report(
                result("DEPLOYMENT", "POD_KILL"),
                result("DEPLOYMENT", "POD_KILL")).conclusion();

        assertContains(reused, "Each group ran 3 times; figures are medians over the runs. 2 runs hit a state that an "
                + "earlier run of its group had hit");
        assertTrue(fresh.stream().noneMatch(sentence -> sentence.contains("hit a state")), String.join("\n", fresh));
    }

    @Test
    void saysWhenAStatefulSetsReplacementRestoredEverythingFromOffsetZero() {
        List<String> conclusion = SampleResults.report(
                result("STATEFUL_SET", "POD_KILL").replacementRestored(0, 0, 80_000).replacementRestored(3, 0, 90_000),
                result("STATEFUL_SET", "POD_KILL").replacementRestored(0, 0, 70_000).replacementRestored(3, 0, 90_000),
                result("STATEFUL_SET", "POD_KILL").replacementRestored(0, 75_000, 100).replacementRestored(3, 0, 90_000),
                result("DEPLOYMENT", "POD_KILL").replacementRestored(0, 0, 80_000)).conclusion();

        // 170,000 and 160,000 records from offset 0; the third run resumed partition 0 at 75,000; a Deployment's
        // replacement has no volume to resume from
        assertContains(conclusion, "STATEFUL_SET POD_KILL: in 2 of 3 runs the replacement, on the volume of the pod it replaced, "
                + "restored every changelog it loaded from offset 0 (165,000 records, median)");
        assertTrue(conclusion.stream().noneMatch(sentence -> sentence.startsWith("DEPLOYMENT POD_KILL: in")), String.join("\n", conclusion));
    }

    @Test
    void saysHowOftenAReplacementWasRefusedItsStaticMembersInstanceIdAndHowLongTheGroupHeldIt() {
        String refused = "org.apache.kafka.streams.errors.StreamsException: org.apache.kafka.common.errors."
                + "UnreleasedInstanceIdException: Static member m1 with instance id trade-stats-0-1 cannot join the group";
        List<String> conclusion = SampleResults.report(
                result("STATEFUL_SET", "POD_KILL").setting("GROUP_PROTOCOL", "streams").goneThenTasks(100, 9_600)
                        .replacementFailed(2_700, refused).replacementFailed(4_800, refused).replacementFailed(6_900, refused),
                result("STATEFUL_SET", "POD_KILL").setting("GROUP_PROTOCOL", "streams").goneThenTasks(100, 10_100)
                        .replacementFailed(2_700, refused).replacementFailed(4_800, refused),
                result("STATEFUL_SET", "POD_KILL").setting("GROUP_PROTOCOL", "streams").goneThenTasks(100, 3_000)
                        .replacementFailed(2_000, "java.lang.IllegalStateException: Kafka Streams entered state ERROR"),
                result("STATEFUL_SET", "POD_KILL").setting("GROUP_PROTOCOL", "classic").goneThenTasks(100, 1_400))
                .conclusion();

        // two runs refused, 3 and 2 times (median 2.5, rounded to 3); tasks 9,500 and 10,000 ms after the process
        // ended (median 9,750); the third run's fatal error was another one, and the classic run had none
        assertContains(conclusion, "STATEFUL_SET POD_KILL GROUP_PROTOCOL=streams: in 2 of 3 runs the replacement was "
                + "refused the static member's instance id 3 times (median; UnreleasedInstanceIdException stops the app, "
                + "and its container was restarted each time) and got its tasks 9,750 ms after the old pod's process "
                + "ended (median)");
        assertTrue(conclusion.stream().noneMatch(sentence -> sentence.contains("GROUP_PROTOCOL=classic: in")),
                String.join("\n", conclusion));
    }

    @Test
    void theFasterVariantIsWhicheverTheNumbersSay() {
        List<String> conclusion = SampleResults.report(
                result("STATEFUL_SET", "POD_DELETE").caughtUp(9_000L),
                result("DEPLOYMENT", "POD_DELETE").caughtUp(6_000L)).conclusion();

        // 9,000 / 6,000 = 1.5
        assertContains(conclusion, "POD_DELETE: DEPLOYMENT caught up faster than STATEFUL_SET: 6,000 ms vs 9,000 ms,"
                + " 3,000 ms sooner (×1.50)");
    }

    @Test
    void withRepetitionsItComparesMediansAndSaysWhetherTheRangesOverlap() {
        List<String> apart = SampleResults.report(
                result("STATEFUL_SET", "POD_KILL").caughtUp(3_000L),
                result("STATEFUL_SET", "POD_KILL").caughtUp(4_000L),
                result("STATEFUL_SET", "POD_KILL").caughtUp(5_000L),
                result("DEPLOYMENT", "POD_KILL").caughtUp(8_000L),
                result("DEPLOYMENT", "POD_KILL").caughtUp(12_000L)).conclusion();

        // medians 4,000 and (8,000 + 12,000) / 2 = 10,000
        assertContains(apart, "STATEFUL_SET caught up faster than DEPLOYMENT: median 4,000 ms vs 10,000 ms, 6,000 ms sooner"
                + " (×2.50), and every run of STATEFUL_SET was faster than every run of DEPLOYMENT");
        assertContains(apart, "Groups ran 2 to 3 times; figures are medians");

        List<String> overlapping = SampleResults.report(
                result("STATEFUL_SET", "POD_KILL").caughtUp(3_000L),
                result("STATEFUL_SET", "POD_KILL").caughtUp(4_000L),
                result("STATEFUL_SET", "POD_KILL").caughtUp(9_000L),
                result("DEPLOYMENT", "POD_KILL").caughtUp(5_000L),
                result("DEPLOYMENT", "POD_KILL").caughtUp(6_000L),
                result("DEPLOYMENT", "POD_KILL").caughtUp(7_000L)).conclusion();
        // σ from the ranges of 3 runs, 6,000 / 1.693 and 2,000 / 1.693 ms; 16 σ² / 2,000² ≈ 27.1 (RunsNeededTest)
        assertContains(overlapping, "but their ranges overlap (3,000–9,000 ms vs 5,000–7,000 ms; a difference this size "
                + "would need about 28 runs a cell to show at this spread)");
    }

    @Test
    void namesTheVariantThatRestoredMore() {
        List<String> conclusion = SampleResults.report(
                result("STATEFUL_SET", "POD_DELETE").restored(0, 100),
                result("DEPLOYMENT", "POD_DELETE").restored(2_500_000, 3_000)).conclusion();

        assertContains(conclusion, "DEPLOYMENT restored more records than STATEFUL_SET, 2,500,000 vs 0");
    }

    @Test
    void talliesTheComparisonsAcrossFaults() {
        List<String> conclusion = SampleResults.report(
                result("STATEFUL_SET", "POD_KILL").caughtUp(4_000L),
                result("DEPLOYMENT", "POD_KILL").caughtUp(8_000L),
                result("STATEFUL_SET", "POD_DELETE").caughtUp(5_000L),
                result("DEPLOYMENT", "POD_DELETE").caughtUp(4_000L),
                result("STATEFUL_SET", "CONTAINER_KILL").caughtUp(2_000L),
                result("DEPLOYMENT", "CONTAINER_KILL").caughtUp(3_000L)).conclusion();

        assertContains(conclusion, "Of 3 comparisons between the variants, STATEFUL_SET caught up faster in 2"
                + " (POD_KILL ×2.00, CONTAINER_KILL ×1.50) and DEPLOYMENT caught up faster in 1 (POD_DELETE ×1.25).");
    }

    @Test
    void aFaultOnlyOneVariantRanIsNotCompared() {
        List<String> conclusion = SampleResults.report(
                result("STATEFUL_SET", "ROLLING_RESTART").caughtUp(13_000L)).conclusion();

        assertContains(conclusion, "Only one variant ran ROLLING_RESTART (STATEFUL_SET, caught up in 13,000 ms): there is"
                + " nothing to compare it with.");
        assertTrue(conclusion.stream().noneMatch(sentence -> sentence.contains("faster")), conclusion.toString());
    }

    @Test
    void aVariantThatNeverCaughtUpIsSaidSo() {
        List<String> conclusion = SampleResults.report(
                result("STATEFUL_SET", "POD_KILL").caughtUp(4_000L),
                result("DEPLOYMENT", "POD_KILL").caughtUp(null)).conclusion();

        assertContains(conclusion, "POD_KILL: STATEFUL_SET caught up in 4,000 ms; DEPLOYMENT never caught up");
    }

    @Test
    void everyVerdictValidIsSaidOnce() {
        List<String> conclusion = SampleResults.report(
                result("STATEFUL_SET", "POD_KILL").verdict(verdict(Validity.VALID, 0, 0, 0, 0, 0,
                        new DeadLetterCheck(12, 12, 0, 0, 0))),
                result("DEPLOYMENT", "POD_KILL").verdict(verdict(Validity.VALID, 0, 0, 0, 0, 0,
                        new DeadLetterCheck(14, 14, 0, 0, 0)))).conclusion();

        assertContains(conclusion, "Every verdict is VALID: the oracle found no lost, unexpected, over-counted, wrong or"
                + " regressed window in any of the 2 runs, and each of the 26 malformed records sent had its dead letter.");
    }

    @Test
    void inputTheBrokerWroteTwiceIsNamedWithItsCountsSummedOverRuns() {
        List<String> conclusion = SampleResults.report(
                result("STATEFUL_SET", "BROKER_RESTART").verdict(verdict(Validity.VALID, 0, 0, 0, 0, 0,
                        DeadLetterCheck.NOTHING_CHECKED, new InputAudit(1_013, 1_000, 0, 13, 0))),
                result("STATEFUL_SET", "BROKER_RESTART").verdict(verdict(Validity.VALID, 0, 0, 0, 0, 0,
                        DeadLetterCheck.NOTHING_CHECKED, new InputAudit(1_002, 1_000, 0, 2, 0))),
                result("DEPLOYMENT", "BROKER_RESTART")).conclusion();

        assertContains(conclusion, "The broker wrote input records twice, which the oracle counted as input the app had"
                + " to process twice: STATEFUL_SET BROKER_RESTART (15).");
    }

    @Test
    void deadLettersDoubledUnderAtLeastOnceAreAFindingOfAValidGroup() {
        List<String> conclusion = SampleResults.report(
                result("STATEFUL_SET", "PAUSE").guarantee("at_least_once").verdict(verdict(Validity.VALID, 0, 0, 0, 0, 0,
                        new DeadLetterCheck(14, 16, 0, 2, 0)))).conclusion();

        assertTrue(conclusion.stream().anyMatch(line -> line.contains("VALID under at_least_once with 2 malformed records "
                + "dead-lettered more than once")), String.join("\n", conclusion));
    }

    @Test
    void aVerdictThatIsNotValidIsNamedWithItsCounts() {
        List<String> conclusion = SampleResults.report(
                result("STATEFUL_SET", "POD_KILL"),
                result("DEPLOYMENT", "POD_KILL").verdict(verdict(Validity.INVALID, 3, 0, 2, 5, 0)),
                result("DEPLOYMENT", "POD_KILL")).conclusion();

        assertContains(conclusion, "1 of 2 groups are not VALID.");
        assertContains(conclusion, "DEPLOYMENT POD_KILL: INVALID in 1 of 2 runs: 3 lost windows and 2 over-counted"
                + " windows (5 excess trade counts).");
        assertFalse(conclusion.stream().anyMatch(sentence -> sentence.startsWith("Every verdict")), conclusion.toString());
    }

    @Test
    void anOverCountUnderAtLeastOnceIsReportedEvenWhenValid() {
        List<String> conclusion = SampleResults.report(
                result("STATEFUL_SET", "POD_KILL").guarantee("at_least_once").verdict(verdict(Validity.VALID, 0, 0, 4, 9, 0)))
                .conclusion();

        assertContains(conclusion, "STATEFUL_SET POD_KILL: VALID under at_least_once with 4 over-counted windows"
                + " (9 excess trade counts).");
    }

    @Test
    void saysWhetherTheProcessingGuaranteeMattered() {
        List<String> mattered = SampleResults.report(
                result("STATEFUL_SET", "POD_KILL").caughtUp(10_000L).restored(1_000_000, 900),
                result("STATEFUL_SET", "POD_KILL").guarantee("at_least_once").caughtUp(4_000L).restored(0, 0)).conclusion();

        assertContains(mattered, "The processing guarantee mattered: time to caught-up differed by up to ×2.50, from single"
                + " runs (STATEFUL_SET POD_KILL: exactly_once_v2 10,000 ms with 1,000,000 records restored, at_least_once"
                + " 4,000 ms with 0 records restored — at_least_once against exactly_once_v2 ×0.40 from single runs).");

        List<String> didNot = SampleResults.report(
                result("STATEFUL_SET", "POD_KILL").caughtUp(10_000L),
                result("STATEFUL_SET", "POD_KILL").guarantee("at_least_once").caughtUp(11_000L)).conclusion();
        assertContains(didNot, "The processing guarantee made little difference to time to caught-up: at most ×1.10");
    }

    @Test
    void anEffectIsShownWithItsRangeOnlyWhenTheRunsOfTheTwoCellsAreApart() {
        List<String> apart = SampleResults.report(
                standbys("0", 10_000L), standbys("0", 11_000L), standbys("0", 12_000L),
                standbys("1", 4_000L), standbys("1", 5_000L), standbys("1", 6_000L)).conclusion();
        List<String> overlapping = SampleResults.report(
                standbys("0", 10_000L), standbys("0", 11_000L), standbys("0", 12_000L),
                standbys("1", 9_000L), standbys("1", 10_500L), standbys("1", 13_000L)).conclusion();

        // medians 11 s and 5 s; the fastest standby run against the slowest plain one and the other way round
        assertContains(apart, "1 against 0 ×0.45 (×0.33–×0.60)");
        assertContains(overlapping, "1 against 0 not shown (×0.95, ×0.75–×1.30: the runs overlap; a difference this size "
                + "would need about 219 runs a cell to show at this spread)");
    }

    private static SampleResults standbys(String replicas, long caughtUpMs) {
        return result("DEPLOYMENT", "POD_KILL").setting("NUM_STANDBY_REPLICAS", replicas).caughtUp(caughtUpMs);
    }

    @Test
    void aRestoreIsSetAgainstAPlainReadOfTheSameChangelogs() {
        List<String> conclusion = SampleResults.report(
                // 1,000,000 records restored in 2 s: 500,000 a second against a plain read of 1,000,000 a second
                result("DEPLOYMENT", "POD_KILL").restored(1_000_000, 2_000).changelog(1_000_000, 1_000),
                // 4 s: 250,000 a second against the same
                result("DEPLOYMENT", "POD_KILL").restored(1_000_000, 4_000).changelog(1_000_000, 1_000),
                result("STATEFUL_SET", "POD_KILL").restored(0, 0).changelog(1_000_000, 1_000)).conclusion();

        assertContains(conclusion, "DEPLOYMENT POD_KILL: restores ran at 38 % of the rate of a plain read of all 1,000,000"
                + " changelog records before the fault, every partition by one consumer (median; 25–50 % over 2 runs).");
        assertFalse(conclusion.stream().anyMatch(sentence -> sentence.startsWith("STATEFUL_SET POD_KILL: restores")),
                "nothing restored, no rate: " + conclusion);
    }

    @Test
    void aRestoreIsSetAgainstAPlainReadOfWhatItRestoredWhereThatWasMeasured() {
        List<String> conclusion = SampleResults.report(
                // 300,000 records restored in 1.5 s: 200,000 a second; read again in 0.5 s: 600,000 a second; the whole
                // state of 1,000,000 read before the fault at 1,000,000 a second
                result("DEPLOYMENT", "POD_KILL").restored(300_000, 1_500).changelog(1_000_000, 1_000)
                        .restoredReadAgain(300_000, 500),
                // 200,000 a second against 400,000 a second; 20 % of the whole read
                result("DEPLOYMENT", "POD_KILL").restored(300_000, 1_500).changelog(1_000_000, 1_000)
                        .restoredReadAgain(300_000, 750)).conclusion();

        // 33 % and 50 %: median 41.7
        assertContains(conclusion, "DEPLOYMENT POD_KILL: restores ran at 42 % of the rate of a plain read of the same "
                + "changelog partitions and offsets right after the recovery (median; 33–50 % over 2 runs), and at 20 % "
                + "of a plain read of all 1,000,000 changelog records before the fault.");
    }

    @Test
    void thePeakResidentMemoryOfTheLargestPodAndTheBrokerIsNamedWithItsGroup() {
        long mib = 1L << 20;
        List<String> conclusion = SampleResults.report(
                result("DEPLOYMENT", "POD_KILL").memory(400 * mib, 900 * mib),
                result("STATEFUL_SET", "POD_KILL").memory(600 * mib, 1_000 * mib),
                result("STATEFUL_SET", "POD_KILL").memory(500 * mib, 950 * mib)).conclusion();

        // the largest of three pods is the sample's podBytes + 2 bytes: still 600 MiB when rounded
        assertContains(conclusion, "Peak resident memory (the kernel's high-water mark, VmHWM): the largest pod of a run"
                + " held up to 600 MiB (in STATEFUL_SET POD_KILL; median there 550 MiB); the broker held up to 1,000 MiB"
                + " (in STATEFUL_SET POD_KILL; median there 975 MiB).");
    }

    @Test
    void unmeasuredMemoryIsSaidSoNotShownAsZero() {
        List<String> conclusion = SampleResults.report(result("DEPLOYMENT", "POD_KILL")).conclusion();

        assertContains(conclusion, "Peak resident memory: not measured in these results");
        assertFalse(conclusion.stream().anyMatch(sentence -> sentence.contains(" 0 MiB")), conclusion.toString());
    }

    @Test
    void aStateSizeIsNamedByTheRecordsMeasuredNotTheRecordsRequested() {
        List<String> conclusion = SampleResults.report(
                result("DEPLOYMENT", "POD_KILL").stateRecords(100_000).restored(20_000, 1_000).changelog(19_500, 100),
                result("DEPLOYMENT", "POD_KILL").stateRecords(100_000).restored(20_000, 1_000).changelog(20_500, 100),
                result("DEPLOYMENT", "POD_KILL").stateRecords(500_000).restored(90_000, 3_000)).conclusion();

        assertContains(conclusion, "DEPLOYMENT POD_KILL state of 20,000 changelog records: restores ran at");
        assertFalse(conclusion.stream().anyMatch(sentence -> sentence.contains("state of 100,000")), conclusion.toString());
    }

    @Test
    void theVariantsMatrixSeparatesMembershipVolumeAndStandbys() {
        List<String> conclusion = SampleResults.report(
                result("STATEFUL_SET", "POD_KILL").setting("NUM_STANDBY_REPLICAS", "0").caughtUp(4_000L),
                result("STATEFUL_SET", "POD_KILL").setting("NUM_STANDBY_REPLICAS", "0")
                        .setting("STATIC_MEMBERSHIP", "false").caughtUp(9_000L),
                result("DEPLOYMENT", "POD_KILL").setting("NUM_STANDBY_REPLICAS", "0").caughtUp(12_000L),
                result("DEPLOYMENT", "POD_KILL").setting("NUM_STANDBY_REPLICAS", "1").caughtUp(6_000L)).conclusion();

        String all = String.join("\n", conclusion);
        // membership: the StatefulSet against itself; standbys: the Deployment against itself
        assertContains(conclusion, "STATIC_MEMBERSHIP mattered");
        // the first value in the report's order is the one the others are set against: 4 s / 9 s
        assertContains(conclusion, "true against false ×0.44 from single runs");
        assertContains(conclusion, "NUM_STANDBY_REPLICAS mattered");
        assertContains(conclusion, "1 against 0 ×0.50 from single runs");
        // the volume: the dynamic StatefulSet against the Deployment, equal in every setting
        assertTrue(conclusion.stream().anyMatch(sentence -> sentence.contains("STATIC_MEMBERSHIP=false")
                && sentence.contains("STATEFUL_SET caught up") && sentence.contains("DEPLOYMENT")), all);
    }

    @Test
    void aGracefulDeleteWhoseRebalanceEndedAsTheClosedMembersSessionExpiredIsExplained() {
        // session 10 s, heartbeat 3 s: the closed member's session expires 7 to 10 s after its process ended
        List<String> conclusion = SampleResults.report(
                result("DEPLOYMENT", "POD_DELETE").setting("KAFKA_STREAMS_HEARTBEAT_INTERVAL_MS", "3000")
                        .goneThenTasks(4_000, 11_800),
                result("DEPLOYMENT", "POD_DELETE").setting("KAFKA_STREAMS_HEARTBEAT_INTERVAL_MS", "3000")
                        .goneThenTasks(4_000, 5_000),
                result("STATEFUL_SET", "POD_DELETE").setting("KAFKA_STREAMS_HEARTBEAT_INTERVAL_MS", "3000")
                        .goneThenTasks(4_000, 11_800)).conclusion();

        assertContains(conclusion, "DEPLOYMENT POD_DELETE: in 1 of 2 runs the replacement got its tasks 7,800 ms after the"
                + " deleted pod's process ended (median), when that pod's session expired");
        assertFalse(conclusion.stream().anyMatch(sentence -> sentence.startsWith("STATEFUL_SET POD_DELETE: in")),
                "a static member comes back under its own id: " + conclusion);
    }

    @Test
    void theRestoreCostIsReadOffTheFittedLine() {
        List<String> conclusion = SampleResults.report(
                result("DEPLOYMENT", "POD_KILL").restored(1_000_000, 1_500),
                result("DEPLOYMENT", "POD_DELETE").restored(3_000_000, 3_500)).conclusion();

        // 2,000 ms more for 2,000,000 records more: 1,000 ms per million records, 500 ms at zero
        assertContains(conclusion, "Restore time of DEPLOYMENT grows by about 1,000 ms per million records, plus 500 ms");
    }

    @Test
    void thePlatformDescribesItself() {
        List<String> conclusion = SampleResults.report(result("STATEFUL_SET", "POD_KILL").platform(PlatformKind.K3S)).conclusion();

        assertContains(conclusion, "Measured on k3s: made by hand.");
    }

    private static void assertContains(List<String> conclusion, String expected) {
        assertTrue(conclusion.stream().anyMatch(sentence -> sentence.contains(expected)),
                "expected a sentence containing\n  " + expected + "\nin\n  " + String.join("\n  ", conclusion));
    }
}
