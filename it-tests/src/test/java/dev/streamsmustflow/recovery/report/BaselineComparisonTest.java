package dev.streamsmustflow.recovery.report;

import static dev.streamsmustflow.recovery.report.SampleResults.result;
import static dev.streamsmustflow.recovery.report.SampleResults.verdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamsmustflow.recovery.checker.Validity;
import dev.streamsmustflow.recovery.report.render.ReportWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BaselineComparisonTest {

    private static final BaselineComparison.Threshold DEFAULT = BaselineComparison.Threshold.DEFAULT;

    @ParameterizedTest(name = "{0} ms → {1} ms: regressed {2}")
    @CsvSource({
        // +30 % and +3,000 ms: beyond both
        "10000, 13000, true",
        // +10 %: within the relative threshold
        "10000, 11000, false",
        // +50 % but only +500 ms: below the absolute floor
        "1000, 1500, false",
        // +10,000 ms but only +10 %: within the relative threshold
        "100000, 110000, false",
        // exactly +20 %, +2,000 ms: not beyond
        "10000, 12000, false",
        // faster
        "10000, 5000, false"})
    void timeToCaughtUpRegressesBeyondTheRelativeAndTheAbsoluteThreshold(long before, long now, boolean regressed) {
        BaselineComparison comparison = BaselineComparison.compare(caughtUpIn(before), caughtUpIn(now), DEFAULT);

        assertEquals(regressed, comparison.regressed(), comparison.changes().toString());
    }

    @Test
    void aRegressionSaysWhatGrewAndByHowMuch() {
        BaselineComparison comparison = BaselineComparison.compare(caughtUpIn(10_000), caughtUpIn(13_000), DEFAULT);

        BaselineComparison.Change change = comparison.regressions().get(0);
        assertEquals("timeToCaughtUp", change.measure());
        assertEquals("local STATEFUL_SET POD_KILL exactly_once_v2 (state of 100,000 records): median time to caught-up"
                + " 10,000 ms → 13,000 ms (+3,000 ms, +30 %): slower beyond the threshold (+20 % and +1,000 ms)",
                change.message());
        assertEquals(1, comparison.regressions().size(), "time to ready did not change");
        assertEquals("1 regression(s) in 2 comparisons with the baseline", comparison.summary());
    }

    @Test
    void timeToReadyIsGatedToo() {
        RecoveryReport before = SampleResults.report(result("STATEFUL_SET", "POD_KILL").ready(3_000L));
        RecoveryReport now = SampleResults.report(result("STATEFUL_SET", "POD_KILL").ready(6_000L));

        BaselineComparison comparison = BaselineComparison.compare(before, now, DEFAULT);

        assertEquals(List.of("timeToReady"), comparison.regressions().stream().map(BaselineComparison.Change::measure).toList());
    }

    @Test
    void fasterIsAnImprovement() {
        BaselineComparison comparison = BaselineComparison.compare(caughtUpIn(10_000), caughtUpIn(5_000), DEFAULT);

        assertFalse(comparison.regressed());
        assertTrue(comparison.changes().stream().anyMatch(change -> change.outcome() == BaselineComparison.Outcome.IMPROVED
                && change.message().endsWith("10,000 ms → 5,000 ms (−5,000 ms, −50 %): faster")), comparison.changes().toString());
    }

    @Test
    void bothThresholdsAreParameters() {
        BaselineComparison.Threshold lenient = new BaselineComparison.Threshold(0.5, 0);
        BaselineComparison.Threshold strict = new BaselineComparison.Threshold(0.05, 100);

        assertFalse(BaselineComparison.compare(caughtUpIn(10_000), caughtUpIn(14_000), lenient).regressed());
        assertTrue(BaselineComparison.compare(caughtUpIn(10_000), caughtUpIn(10_600), strict).regressed());
        assertThrows(IllegalArgumentException.class, () -> new BaselineComparison.Threshold(-0.1, 1_000));
        assertThrows(IllegalArgumentException.class, () -> new BaselineComparison.Threshold(0.2, -1));
    }

    @ParameterizedTest(name = "{0} → {1}: regressed {2}")
    @CsvSource({
        "VALID, UNKNOWN, true",
        "VALID, INVALID, true",
        "UNKNOWN, INVALID, true",
        "INVALID, VALID, false",
        "UNKNOWN, VALID, false",
        "VALID, VALID, false"})
    void aWorseVerdictRegresses(Validity before, Validity now, boolean regressed) {
        BaselineComparison comparison = BaselineComparison.compare(judged(before), judged(now), DEFAULT);

        assertEquals(regressed, comparison.regressed(), comparison.changes().toString());
        if (regressed) {
            assertTrue(comparison.regressions().get(0).message().contains("verdict " + before + " → " + now),
                    comparison.regressions().toString());
        }
    }

    @Test
    void neverCatchingUpAnyMoreRegresses() {
        RecoveryReport now = SampleResults.report(result("STATEFUL_SET", "POD_KILL").caughtUp(null));

        BaselineComparison comparison = BaselineComparison.compare(caughtUpIn(4_000), now, DEFAULT);

        assertTrue(comparison.regressed());
        assertTrue(comparison.regressions().get(0).message().endsWith("was 4,000 ms in the baseline, now it never happened"));
    }

    @Test
    void groupsInOnlyOneOfTheReportsAreReportedButDoNotRegress() {
        RecoveryReport before = SampleResults.report(result("STATEFUL_SET", "POD_KILL"), result("DEPLOYMENT", "KILL_ALL"));
        RecoveryReport now = SampleResults.report(result("STATEFUL_SET", "POD_KILL"),
                result("STATEFUL_SET", "POD_KILL").guarantee("at_least_once"));

        BaselineComparison comparison = BaselineComparison.compare(before, now, DEFAULT);

        assertFalse(comparison.regressed());
        assertEquals(List.of(BaselineComparison.Outcome.WITHIN_THRESHOLD, BaselineComparison.Outcome.WITHIN_THRESHOLD,
                BaselineComparison.Outcome.ONLY_IN_CURRENT, BaselineComparison.Outcome.ONLY_IN_BASELINE),
                comparison.changes().stream().map(BaselineComparison.Change::outcome).toList());
    }

    @Test
    void aChangedSettingIsANewGroupNotARegression() {
        RecoveryReport before = SampleResults.report(result("STATEFUL_SET", "POD_KILL").caughtUp(4_000L));
        RecoveryReport now = SampleResults.report(
                result("STATEFUL_SET", "POD_KILL").caughtUp(40_000L).setting("NUM_STANDBY_REPLICAS", "1"));

        BaselineComparison comparison = BaselineComparison.compare(before, now, DEFAULT);

        assertFalse(comparison.regressed());
        assertEquals(List.of(BaselineComparison.Outcome.ONLY_IN_CURRENT, BaselineComparison.Outcome.ONLY_IN_BASELINE),
                comparison.changes().stream().map(BaselineComparison.Change::outcome).toList());
    }

    @Test
    void theBaselineIsReadFromAnEarlierReportJson(@TempDir Path directory) {
        ReportWriter.ReportFiles earlier = ReportWriter.write(directory, caughtUpIn(10_000));

        assertTrue(BaselineComparison.compare(earlier.json(), caughtUpIn(20_000), DEFAULT).regressed());
        assertFalse(BaselineComparison.compare(earlier.json(), caughtUpIn(10_500), DEFAULT).regressed());
    }

    private static RecoveryReport caughtUpIn(long ms) {
        return SampleResults.report(result("STATEFUL_SET", "POD_KILL").caughtUp(ms));
    }

    private static RecoveryReport judged(Validity validity) {
        return SampleResults.report(result("STATEFUL_SET", "POD_KILL").verdict(verdict(validity, 0, 0, 0, 0, 0)));
    }
}
