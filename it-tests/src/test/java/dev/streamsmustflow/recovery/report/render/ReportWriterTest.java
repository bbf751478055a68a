package dev.streamsmustflow.recovery.report.render;

import static dev.streamsmustflow.recovery.report.SampleResults.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamsmustflow.recovery.platform.PlatformKind;
import dev.streamsmustflow.recovery.report.RecoveryReport;
import dev.streamsmustflow.recovery.report.SampleResults;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {

    private static final String HEADER = "| Variant | Fault | Runs | To caught-up (ms) | To ready (ms) | Termination (ms)"
            + " | Start (ms) | Rebalance (ms) | Restore (ms) | Catch-up (ms) | Output gap (ms) | Records restored | Verdict |";

    @Test
    void writesTheThreeFiles(@TempDir Path directory) throws Exception {
        RecoveryReport report = SampleResults.report(result("STATEFUL_SET", "POD_KILL"), result("DEPLOYMENT", "POD_KILL"));

        ReportWriter.ReportFiles files = ReportWriter.write(directory.resolve("report"), report);

        assertEquals(directory.resolve("report/report.json"), files.json());
        assertEquals(directory.resolve("report/report.md"), files.markdown());
        assertEquals(directory.resolve("report/index.html"), files.html());
        assertTrue(files.all().stream().allMatch(Files::isRegularFile), files.toString());
        assertEquals(report, RecoveryReport.readFrom(files.json()));
    }

    @Test
    void aReportUnderLoadHasARowOfBacklogPerGroupAndOneFromBeforeHasNone() {
        RecoveryReport loaded = SampleResults.report(
                result("DEPLOYMENT", "POD_KILL").load(50, 10_000, 30_000).caughtUp(20_000L).backlog(6_000, 4_000L, 1_400.0),
                result("DEPLOYMENT", "POD_KILL").load(50, 10_000, 30_000).caughtUp(40_000L).backlog(8_000, 6_000L, 1_300.0),
                result("STATEFUL_SET", "POD_KILL").load(50, 10_000, 30_000).caughtUp(9_000L).backlog(1_000, 500L, 1_700.0));

        String markdown = MarkdownRenderer.render(ReportDocuments.of(loaded));

        assertTrue(markdown.contains("## Backlog under load"), markdown);
        assertTrue(markdown.contains("| Variant | Fault | Runs | Input (records/s) | Load (% of capacity) | Peak lag (records) "
                + "| Peak lag (ms of input) | Drain (ms) | Catch-up (records/s) | Within budget |"), markdown);
        // the sample backlog's rate is 500 records/s: 7,000 records are 14,000 ms of it; 40 s is over the 30 s budget
        assertTrue(markdown.contains("| DEPLOYMENT | POD_KILL | 2 | 5,000 | 50 | 7,000 (6,000–8,000) | 14,000 (12,000–16,000) "
                + "| 5,000 (4,000–6,000) | 1,350 (1,300–1,400) | 1 of 2 |"), markdown);
        assertTrue(markdown.contains("| STATEFUL_SET | POD_KILL | 1 | 5,000 | 50 | 1,000 | 2,000 | 500 | 1,700 | 1 of 1 |"),
                markdown);
        assertFalse(MarkdownRenderer.render(ReportDocuments.of(SampleResults.report(result("DEPLOYMENT", "POD_KILL").idle())))
                .contains("Backlog under load"), "a result from before the input flowed has no such table");
    }

    @Test
    void aDescribedAppsReportNamesTheAppAndTheDigestOfEachDescriptorItRanFrom() {
        RecoveryReport report = SampleResults.report(
                result("STATEFUL_SET", "POD_KILL").described("word-count", "0a1b"),
                result("DEPLOYMENT", "POD_KILL").described("word-count", "0a1b"),
                result("DEPLOYMENT", "POD_KILL").described("word-count", "2c3d"));

        String markdown = MarkdownRenderer.render(ReportDocuments.of(report));

        assertEquals(List.of("0a1b", "2c3d"), report.environment().appDescriptorDigests());
        assertTrue(markdown.contains("| App | word-count (from its descriptor) |"), markdown);
        assertTrue(markdown.contains("| App descriptor | SHA-256 0a1b, SHA-256 2c3d |"), markdown);
        assertFalse(MarkdownRenderer.render(ReportDocuments.of(SampleResults.report(result("DEPLOYMENT", "POD_KILL"))))
                .contains("App descriptor"), "trade-stats has no descriptor of its own in the report");
    }

    @Test
    void theMarkdownHasTheConclusionAndATableRowPerVariantAndFault() {
        RecoveryReport report = SampleResults.report(
                result("STATEFUL_SET", "POD_KILL"),
                result("DEPLOYMENT", "POD_KILL").caughtUp(9_000L).ready(8_000L).restored(2_000_000, 2_500).outputGap(12_000L),
                result("DEPLOYMENT", "POD_KILL").caughtUp(11_000L).ready(8_000L).restored(2_000_000, 3_500).outputGap(12_000L));

        String markdown = MarkdownRenderer.render(ReportDocuments.of(report));

        assertTrue(markdown.startsWith("# Kafka Streams recovery: STATEFUL_SET vs DEPLOYMENT on local\n"), markdown);
        assertTrue(markdown.contains("## Conclusion\n\n- "), markdown);
        assertTrue(markdown.contains("- " + report.conclusion().get(0) + "\n"), markdown);
        assertTrue(markdown.contains("## Recovery phases: exactly_once_v2\n\n" + HEADER + "\n"), markdown);
        assertTrue(markdown.contains("| STATEFUL_SET | POD_KILL | 1 | 4,000 | 3,000 | 100 | 1,000 | 1,000 | 500 | 1,000"
                + " | 6,000 | 1,000,000 | VALID |\n"), markdown);
        // medians of two runs: (9,000 + 11,000) / 2 and (2,500 + 3,500) / 2, with their ranges
        assertTrue(markdown.contains("| DEPLOYMENT | POD_KILL | 2 | 10,000 (9,000–11,000) | 8,000 (8,000–8,000) | 100 (100–100)"
                + " | 1,000 (1,000–1,000) | 1,000 (1,000–1,000) | 3,000 (2,500–3,500) | 1,000 (1,000–1,000)"
                + " | 12,000 (12,000–12,000) | 2,000,000 (2,000,000–2,000,000) | VALID |\n"), markdown);
        assertTrue(markdown.contains("## Environment\n"), markdown);
        assertTrue(markdown.contains("| Kafka | 4.4.0 |"), markdown);
        assertTrue(markdown.contains("| Seeds | 42 |"), markdown);
    }

    @Test
    void theSameScenarioOnTwoPlatformsComesSideBySideInOneTable() {
        RecoveryReport report = SampleResults.report(
                result("STATEFUL_SET", "POD_KILL").platform(PlatformKind.LOCAL).caughtUp(4_000L),
                result("DEPLOYMENT", "POD_KILL").platform(PlatformKind.LOCAL).caughtUp(9_000L),
                result("STATEFUL_SET", "POD_KILL").platform(PlatformKind.DOCKER).caughtUp(5_000L),
                result("DEPLOYMENT", "POD_KILL").platform(PlatformKind.DOCKER).caughtUp(10_000L));

        String markdown = MarkdownRenderer.render(ReportDocuments.of(report));

        assertEquals(1, markdown.split("## Recovery phases: ", -1).length - 1, markdown);
        assertTrue(markdown.contains("| Variant | Fault | Platform | Runs | To caught-up (ms) |"), markdown);
        int localStatefulSet = markdown.indexOf("| STATEFUL_SET | POD_KILL | local | 1 | 4,000 |");
        int dockerStatefulSet = markdown.indexOf("| STATEFUL_SET | POD_KILL | docker | 1 | 5,000 |");
        int localDeployment = markdown.indexOf("| DEPLOYMENT | POD_KILL | local | 1 | 9,000 |");
        assertTrue(localStatefulSet > 0 && dockerStatefulSet > 0 && localDeployment > 0, markdown);
        assertTrue(dockerStatefulSet < localDeployment && localStatefulSet < localDeployment,
                "the StatefulSet's two platforms are not next to each other: " + markdown);
    }

    @Test
    void theMarkdownHasOneTablePerGuaranteeAndTheFittedLine() {
        RecoveryReport report = SampleResults.report(
                result("STATEFUL_SET", "POD_KILL").restored(1_000_000, 1_000),
                result("STATEFUL_SET", "POD_DELETE").restored(2_000_000, 2_000),
                result("STATEFUL_SET", "POD_KILL").guarantee("at_least_once").restored(3_000_000, 3_000));

        String markdown = MarkdownRenderer.render(ReportDocuments.of(report));

        assertTrue(markdown.contains("## Recovery phases: exactly_once_v2\n"), markdown);
        assertTrue(markdown.contains("## Recovery phases: at_least_once\n"), markdown);
        // three points on restore = 1 ms per thousand records
        assertTrue(markdown.contains("| STATEFUL_SET | local | 3 | 1,000,000–3,000,000 | 1,000 | 0 | 1.00 |"), markdown);
    }

    @Test
    void aPipeInAValueDoesNotBreakTheTable() {
        RecoveryReport report = SampleResults.report(
                result("STATEFUL_SET", "POD_KILL").setting("KAFKA_STREAMS_CLIENT_ID", "a|b"),
                result("STATEFUL_SET", "POD_KILL").setting("KAFKA_STREAMS_CLIENT_ID", "c"));

        String markdown = MarkdownRenderer.render(ReportDocuments.of(report));

        assertTrue(markdown.contains("| STATEFUL_SET | POD_KILL | KAFKA_STREAMS_CLIENT_ID=a\\|b | 1 |"), markdown);
    }
}
