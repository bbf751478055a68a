package dev.streamsmustflow.recovery.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The app's telemetry on stdout: one JSON object per line with {@code source: trade-stats}, an
 * {@code event}, its {@code time} and {@code instance}, then the event's own fields (the app's README
 * documents them). Whatever else a log holds is no telemetry.
 */
public final class TelemetryLine {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SOURCE = "trade-stats";
    private static final Set<String> ENVELOPE = Set.of("source", "event", "time", "instance");

    private TelemetryLine() {
    }

    /** The history event of a telemetry line of {@code pod}; empty for any other line or an unknown event. */
    public static Optional<HistoryEvent> parse(String line, String pod, String uid) {
        if (!line.startsWith("{")) {
            return Optional.empty();
        }
        try {
            JsonNode json = JSON.readTree(line);
            if (!SOURCE.equals(json.path("source").asText()) || !json.path("time").canConvertToLong()) {
                return Optional.empty();
            }
            Optional<EventType> type = EventType.ofTelemetry(json.path("event").asText());
            if (type.isEmpty()) {
                return Optional.empty();
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> field : json.properties()) {
                if (!ENVELOPE.contains(field.getKey())) {
                    fields.put(field.getKey(), JSON.treeToValue(field.getValue(), Object.class));
                }
            }
            return Optional.of(new HistoryEvent(json.get("time").asLong(), type.get(), pod, uid, fields));
        } catch (IOException | RuntimeException notTelemetry) {
            return Optional.empty();
        }
    }
}
