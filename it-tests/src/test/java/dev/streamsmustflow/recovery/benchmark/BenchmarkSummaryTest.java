package dev.streamsmustflow.recovery.benchmark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamsmustflow.recovery.platform.MachineUse;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchmarkSummaryTest {

    private final BenchmarkSummary summary = new BenchmarkSummary(List.of(
            new ThroughputRun("trade-stats", 1, 1_000, 10_000, 100),
            new ThroughputRun("pass-through", 1, 1_000, 40_000, 30),
            new ThroughputRun("trade-stats", 2, 1_000, 12_000, 90),
            new ThroughputRun("pass-through", 2, 1_000, 50_000, 25),
            new ThroughputRun("trade-stats", 3, 1_000, 11_000, 95),
            new ThroughputRun("pass-through", 3, 1_000, 44_000, 28)), "local: a broker", "2 cores", "2026-12-07T08:00:00Z",
            20261126L, "0123456789abcdef0123456789abcdef01234567",
            new MachineUse(60_000L, 2, 97.5, 90.0, 0.0, 1.5, List.of("sshd: 1.5 %"), null));

    @Test
    void theTopologysCostIsItsRateInPercentOfThePassThroughsWithTheRangeOfTheRuns() {
        assertEquals(11_000, summary.medianRate("trade-stats"), 1e-9);
        assertEquals(44_000, summary.medianRate("pass-through"), 1e-9);
        // median 11,000 / 44,000; slowest 10,000 / fastest 50,000; fastest 12,000 / slowest 40,000
        assertArrayEquals(new double[] {25, 20, 30}, summary.percentOfPassThrough(), 1e-9);
    }

    @Test
    void theMarkdownListsEveryRunAndSaysTheRatio() {
        String markdown = summary.markdown();

        assertEquals(6, markdown.lines().filter(line -> line.matches("\\| (trade-stats|pass-through) \\| \\d .*")).count(),
                markdown);
        assertTrue(markdown.contains("processed 11,000 records/s at steady state, 25 % of the 44,000 records/s of a "
                + "pass-through Kafka Streams app on the same broker, partitions and settings (medians; 20–30 % from the "
                + "slowest and fastest runs)."), markdown);
        assertTrue(markdown.contains("When: 2026-12-07T08:00:00Z, seed 20261126, source commit "
                + "0123456789abcdef0123456789abcdef01234567"), markdown);
        assertTrue(markdown.contains("Other work on the machine: 1.5 % of the CPU (the machine 97.5 % busy); busiest: "
                + "sshd: 1.5 %"), markdown);
    }
}
