package dev.streamsmustflow.recovery.benchmark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamsmustflow.recovery.deployment.ProcessingGuarantee;
import dev.streamsmustflow.recovery.platform.local.LocalPlatform;
import dev.streamsmustflow.recovery.platform.local.SharedLocalPlatform;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The benchmark on a real broker and app, small: both topologies process everything and get a rate. */
@ExtendWith(SharedLocalPlatform.class)
class ProcessingBenchmarkIT {

    private static final int TRADES = 20_000;

    @Test
    void measuresTheTopologyAndThePassThroughOnTheSameBroker(LocalPlatform platform) {
        List<String> steps = new ArrayList<>();
        List<ThroughputRun> runs = new ProcessingBenchmark(platform, TRADES, 2, 2, ProcessingGuarantee.EXACTLY_ONCE_V2,
                7L).run(1, steps::add);

        assertEquals(List.of("trade-stats", "pass-through"), runs.stream().map(ThroughputRun::topology).toList(), steps.toString());
        assertTrue(runs.stream().allMatch(run -> run.records() == TRADES && run.steadyRecordsPerSecond() > 0
                && run.totalMs() > 0), runs.toString());
    }
}
