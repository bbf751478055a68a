package dev.streamsmustflow.recovery.history;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamsmustflow.recovery.nemesis.Fault;
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

    public HistoryEvent record(String source, String type, String pod, String uid, Map<String, ?> fields) {
        HistoryEvent event = new HistoryEvent(System.currentTimeMillis(), source, type, pod, uid, new LinkedHashMap<>(fields));
        append(event);
        return event;
    }

    /** Records that a fault is injected against the named pods, before it is. */
    public HistoryEvent recordFault(Fault fault, List<String> targets, List<String> targetUids) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("fault", fault.name());
        fields.put("targets", List.copyOf(targets));
        fields.put("targetUids", List.copyOf(targetUids));
        return record(HistoryEvent.HARNESS, "fault-injected", null, null, fields);
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
