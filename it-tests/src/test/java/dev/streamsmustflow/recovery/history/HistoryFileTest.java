package dev.streamsmustflow.recovery.history;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A history file is JSON lines a reader can turn back into the events, the derived {@code source} included. */
class HistoryFileTest {

    @Test
    void aWrittenHistoryReadsBackEventForEvent(@TempDir Path dir) throws Exception {
        History history = new History();
        history.append(new HistoryEvent(1_000, EventType.RESTORE_START, "trade-stats-0", "uid-a",
                Map.of("partition", 3, "startOffset", 0, "topic", "changelog")));
        history.append(new HistoryEvent(1_001, EventType.TASKS_ASSIGNED, "trade-stats-0", "uid-a",
                Map.of("active", List.of("0_3"), "standby", List.of())));
        history.append(new HistoryEvent(1_002, EventType.FAULT_INJECTED, null, null, Map.of("fault", "PAUSE")));
        Path file = dir.resolve("a.history.jsonl");

        history.writeTo(file);

        ObjectMapper json = new ObjectMapper();
        List<String> lines = Files.readAllLines(file);
        assertEquals("app", json.readTree(lines.get(0)).path("source").asText(), lines.get(0));
        List<HistoryEvent> read = lines.stream().map(line -> {
            try {
                return json.readValue(line, HistoryEvent.class);
            } catch (Exception e) {
                throw new AssertionError("cannot read " + line, e);
            }
        }).toList();
        assertEquals(history.events(), read);
    }
}
