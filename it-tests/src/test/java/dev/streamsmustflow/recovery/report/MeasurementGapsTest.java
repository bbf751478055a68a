package dev.streamsmustflow.recovery.report;

import static dev.streamsmustflow.recovery.report.SampleResults.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamsmustflow.recovery.history.Phase;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The report says what its numbers are not: unmeasured phases, negative spans, work thrown away. */
class MeasurementGapsTest {

    @Test
    void aPhaseThatCouldNotBeMeasuredIsNamedWithItsReason() {
        RecoveryReport report = SampleResults.report(result("STATEFUL_SET", "POD_DELETE").phase(Phase.RESTORE, null),
                result("STATEFUL_SET", "POD_DELETE").restored(0, 10));

        ReportGroup group = report.groups().get(0);
        assertEquals(List.of("1 of 2 runs: not measured (made by hand)"), group.unmeasured().get(Phase.RESTORE));
        assertEquals(1, group.phasesMs().get(Phase.RESTORE).count(), "the spread holds only the run that measured it");
        assertTrue(report.conclusion().contains("Not measured, so absent from the tables rather than 0: STATEFUL_SET "
                + "POD_DELETE restore (1 of 2 runs: not measured (made by hand))."), report.conclusion().toString());
    }

    @Test
    void aNegativeSpanIsReportedAsMeasured() {
        RecoveryReport report = SampleResults.report(result("DEPLOYMENT", "POD_DELETE").phase(Phase.START, -20L));

        assertEquals(-20, report.groups().get(0).phasesMs().get(Phase.START).min());
        assertTrue(report.conclusion().stream().anyMatch(sentence -> sentence.startsWith("Negative spans")
                && sentence.contains("DEPLOYMENT POD_DELETE start (min -20 ms)")), report.conclusion().toString());
    }

    @Test
    void restoreWorkThrownAwayIsCounted() {
        RecoveryReport report = SampleResults.report(result("DEPLOYMENT", "POD_KILL").thrownAway(1_234));

        assertEquals(1_234, report.groups().get(0).recordsThrownAway().max());
        assertTrue(report.conclusion().stream().anyMatch(sentence -> sentence.startsWith("Restore work thrown away")
                && sentence.contains("DEPLOYMENT POD_KILL 1,234 records")), report.conclusion().toString());
    }
}
