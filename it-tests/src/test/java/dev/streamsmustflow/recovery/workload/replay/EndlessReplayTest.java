package dev.streamsmustflow.recovery.workload.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class EndlessReplayTest {

    private static ReplayRecord record(String value, long timestamp, int line) {
        return new ReplayRecord(null, value.getBytes(StandardCharsets.UTF_8), timestamp, null, line);
    }

    @Test
    void replaysTheFileAgainAndAgainEachPassLaterByItsSpanFromTheRunsStart() {
        // written a year before the run, 10 ms apart: the run starts at 5,000,000
        EndlessReplay replay = new EndlessReplay(List.of(record("a", 1_000_010, 1), record("b", 1_000_000, 2),
                record("c", 1_000_020, 3)), 5_000_000);

        List<ReplayRecord> sent = replay.take(7);

        assertEquals(List.of("a", "b", "c", "a", "b", "c", "a"), sent.stream()
                .map(one -> new String(one.value(), StandardCharsets.UTF_8)).toList());
        // the earliest (b) at the start; each pass 21 ms later (the span 20 ms, and 1 ms more so that none coincides)
        assertEquals(List.of(5_000_010L, 5_000_000L, 5_000_020L, 5_000_031L, 5_000_021L, 5_000_041L, 5_000_052L),
                sent.stream().map(ReplayRecord::timestamp).toList());
        assertEquals(List.of(1, 2, 3, 1, 2, 3, 1), sent.stream().map(ReplayRecord::line).toList());
    }

    @Test
    void aFileWithoutRecordsIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new EndlessReplay(List.of(), 0));
    }
}
