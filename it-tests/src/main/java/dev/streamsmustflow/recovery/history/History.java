package dev.streamsmustflow.recovery.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Everything that happened in a scenario, in one timestamped, append-only list: faults, pod events,
 * the app's telemetry and the harness's checkpoints. Timelines and results are derived from it.
 */
public final class History {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final List<HistoryEvent> events = new ArrayList<>();

    public void append(HistoryEvent event) {
        synchronized (events) {
            events.add(event);
        }
    }

    /** Records an event of the harness or the platform, stamped now. */
    public HistoryEvent record(EventType type, String pod, String uid, Map<String, ?> fields) {
        HistoryEvent event = new HistoryEvent(System.currentTimeMillis(), type, pod, uid, new LinkedHashMap<>(fields));
        append(event);
        return event;
    }

    /** Records an event that concerns no pod. */
    public HistoryEvent record(EventType type, Map<String, ?> fields) {
        return record(type, null, null, fields);
    }

    /** All events in time order (ties keep the order of arrival). */
    public List<HistoryEvent> events() {
        List<HistoryEvent> copy;
        synchronized (events) {
            copy = new ArrayList<>(events);
        }
        copy.sort(Comparator.comparingLong(HistoryEvent::time));
        return copy;
    }

    public List<HistoryEvent> select(Predicate<HistoryEvent> filter) {
        return events().stream().filter(filter).toList();
    }

    /** Writes the history as JSON lines, one event per line. */
    public void writeTo(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (BufferedWriter out = Files.newBufferedWriter(file)) {
                for (HistoryEvent event : events()) {
                    out.write(JSON.writeValueAsString(event));
                    out.newLine();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write history to " + file, e);
        }
    }
}
