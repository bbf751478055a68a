package dev.streamsmustflow.telemetry.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MemoryTelemetryTest {

    /** The lines of a real /proc/<pid>/status around the two that count. */
    private static final List<String> STATUS = List.of("Name:\tjava", "VmPeak:\t 9816012 kB", "VmSize:\t 9750476 kB",
            "VmHWM:\t  612340 kB", "VmRSS:\t  498112 kB", "RssAnon:\t  470000 kB", "Threads:\t41");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    private final TelemetryLog log = new TelemetryLog("trade-stats-0", new PrintStream(stdout, true, StandardCharsets.UTF_8),
            Clock.fixed(Instant.parse("2026-11-28T10:00:00Z"), ZoneOffset.UTC));

    @Test
    void readsTheResidentSetAndItsPeakInKilobytes() throws Exception {
        Path status = Files.write(dir.resolve("status"), STATUS);

        assertEquals(Optional.of(Map.of("VmRSS", 498_112L, "VmHWM", 612_340L)), MemoryTelemetry.residentKilobytes(status));
    }

    @Test
    void sendsTheFiguresInBytesAsAMemoryEvent() throws Exception {
        Path status = Files.write(dir.resolve("status"), STATUS);

        try (MemoryTelemetry memory = new MemoryTelemetry(log, status)) {
            memory.report();
        }

        JsonNode event = lastEvent();
        assertEquals("memory", event.get("event").asText());
        assertEquals(498_112L * 1_024, event.get("residentBytes").asLong());
        assertEquals(612_340L * 1_024, event.get("peakResidentBytes").asLong());
        assertTrue(event.get("heapCommittedBytes").asLong() >= event.get("heapUsedBytes").asLong(), event.toString());
    }

    @Test
    void sendsNothingWhereTheKernelsFiguresCannotBeRead() throws Exception {
        Path partial = Files.write(dir.resolve("status"), List.of("Name:\tjava", "VmRSS:\t  498112 kB"));

        try (MemoryTelemetry memory = new MemoryTelemetry(log, dir.resolve("missing"))) {
            memory.report();
        }
        try (MemoryTelemetry memory = new MemoryTelemetry(log, partial)) {
            memory.report();
        }

        assertEquals("", stdout.toString(StandardCharsets.UTF_8), "an unmeasured figure is absent, not 0");
    }

    private JsonNode lastEvent() throws Exception {
        String[] lines = stdout.toString(StandardCharsets.UTF_8).split("\n");
        return new ObjectMapper().readTree(lines[lines.length - 1]);
    }
}
