package dev.streamsmustflow.recovery.report;

import static dev.streamsmustflow.recovery.report.SampleResults.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamsmustflow.recovery.deployment.Variant;
import dev.streamsmustflow.recovery.history.Phase;
import java.util.List;
import org.junit.jupiter.api.Test;

class RestoreScalingTest {

    private static final double EXACT = 1e-6;

    @Test
    void pointsOnALineThroughZeroGiveItsSlopePerMillionRecords() {
        RestoreScaling scaling = RestoreScaling.of(List.of(
                result("STATEFUL_SET", "POD_KILL").restored(1_000_000, 1_000).build(),
                result("STATEFUL_SET", "POD_DELETE").restored(2_000_000, 2_000).build()));

        assertEquals(2, scaling.points().size());
        RestoreScaling.FittedLine line = scaling.fits().get(0);
        assertEquals(Variant.STATEFUL_SET, line.variant());
        assertEquals(1_000, line.msPerMillionRecords(), EXACT);
        assertEquals(0, line.interceptMs(), EXACT);
        assertEquals(1, line.rSquared(), EXACT);
        assertEquals(1_000_000, line.fromRecords());
        assertEquals(2_000_000, line.toRecords());
        assertEquals(5_000, line.restoreMsAt(5_000_000), EXACT);
    }

    @Test
    void theInterceptIsTheCostOfARestoreOfNothing() {
        // 500 ms + 1 ms per thousand records
        RestoreScaling scaling = RestoreScaling.of(List.of(
                result("DEPLOYMENT", "POD_KILL").restored(0, 500).build(),
                result("DEPLOYMENT", "POD_DELETE").restored(1_000_000, 1_500).build(),
                result("DEPLOYMENT", "KILL_ALL").restored(3_000_000, 3_500).build()));

        RestoreScaling.FittedLine line = scaling.fits().get(0);
        assertEquals(1_000, line.msPerMillionRecords(), EXACT);
        assertEquals(500, line.interceptMs(), EXACT);
        assertEquals(3, line.points());
    }

    @Test
    void scatteredPointsGetTheLeastSquaresLine() {
        // (0, 0), (1M, 2000), (2M, 1000): mean x 1M, mean y 1000; dx = -1M, 0, 1M; dy = -1000, 1000, 0
        // slope = Σdx·dy / Σdx² = 1e9 / 2e12 = 0.0005 ms per record = 500 ms per million records
        // intercept = 1000 - 0.0005 × 1M = 500 ms; R² = (Σdx·dy)² / (Σdx² × Σdy²) = 1e18 / (2e12 × 2e6) = 0.25
        RestoreScaling scaling = RestoreScaling.of(List.of(
                result("DEPLOYMENT", "POD_KILL").restored(0, 0).build(),
                result("DEPLOYMENT", "POD_KILL").restored(1_000_000, 2_000).build(),
                result("DEPLOYMENT", "POD_KILL").restored(2_000_000, 1_000).build()));

        RestoreScaling.FittedLine line = scaling.fits().get(0);
        assertEquals(500, line.msPerMillionRecords(), EXACT);
        assertEquals(500, line.interceptMs(), EXACT);
        assertEquals(0.25, line.rSquared(), EXACT);
    }

    @Test
    void eachVariantGetsItsOwnLine() {
        RestoreScaling scaling = RestoreScaling.of(List.of(
                result("STATEFUL_SET", "POD_KILL").restored(1_000_000, 1_000).build(),
                result("DEPLOYMENT", "POD_KILL").restored(1_000_000, 3_000).build(),
                result("STATEFUL_SET", "POD_KILL").restored(2_000_000, 2_000).build(),
                result("DEPLOYMENT", "POD_KILL").restored(2_000_000, 6_000).build()));

        assertEquals(List.of(Variant.STATEFUL_SET, Variant.DEPLOYMENT), scaling.fits().stream().map(RestoreScaling.FittedLine::variant).toList());
        assertEquals(1_000, scaling.fits().get(0).msPerMillionRecords(), EXACT);
        assertEquals(3_000, scaling.fits().get(1).msPerMillionRecords(), EXACT);
    }

    @Test
    void oneStateSizeGivesNoLine() {
        RestoreScaling scaling = RestoreScaling.of(List.of(
                result("STATEFUL_SET", "POD_KILL").restored(1_000_000, 1_000).build(),
                result("STATEFUL_SET", "POD_KILL").restored(1_000_000, 1_400).build(),
                result("DEPLOYMENT", "POD_KILL").restored(1_000_000, 1_000).build()));

        assertEquals(3, scaling.points().size());
        assertTrue(scaling.fits().isEmpty(), scaling.fits().toString());
    }

    @Test
    void runsOfOneStateSizeThatDifferByAFewPercentGiveNoLineButTwiceAsManyRecordsDo() {
        // three runs of one size, as a KILL_ALL of 10 million records gives: a line through them would be noise
        RestoreScaling oneSize = RestoreScaling.of(List.of(
                result("DEPLOYMENT", "KILL_ALL").restored(10_001_882, 19_741).build(),
                result("DEPLOYMENT", "KILL_ALL").restored(10_009_506, 19_726).build(),
                result("DEPLOYMENT", "KILL_ALL").restored(10_018_881, 21_636).build()));
        RestoreScaling twoSizes = RestoreScaling.of(List.of(
                result("DEPLOYMENT", "KILL_ALL").restored(5_000_000, 10_000).build(),
                result("DEPLOYMENT", "KILL_ALL").restored(10_000_000, 20_000).build()));

        assertTrue(oneSize.fits().isEmpty(), oneSize.fits().toString());
        assertEquals(2_000, twoSizes.fits().get(0).msPerMillionRecords(), EXACT);
    }

    @Test
    void aRestoreThatNeverEndedIsNoPoint() {
        RestoreScaling scaling = RestoreScaling.of(List.of(
                result("STATEFUL_SET", "POD_KILL").phase(Phase.RESTORE, null).build()));

        assertTrue(scaling.points().isEmpty());
    }
}
