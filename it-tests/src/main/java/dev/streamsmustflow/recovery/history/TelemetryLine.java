package dev.streamsmustflow.recovery.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamsmustflow.telemetry.TelemetryEvent;
import dev.streamsmustflow.telemetry.TelemetryField;
import dev.streamsmustflow.telemetry.TelemetryFormat;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The app's telemetry on stdout, in the {@link TelemetryFormat}: one JSON object per line with the envelope,
 * then the event's own fields (docs/app.md describes them). Whatever else a log holds is no telemetry.
 */
public final class TelemetryLine {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> ENVELOPE = TelemetryFormat.ENVELOPE.stream().map(TelemetryField::wireName)
            .collect(Collectors.toUnmodifiableSet());

    private TelemetryLine() {
    }

    /** The history event of a telemetry line of {@code pod}; empty for any other line or an unknown event. */
    public static Optional<HistoryEvent> parse(String line, String pod, String uid) {
        if (!line.startsWith("{")) {
            return Optional.empty();
        }
        try {
            JsonNode json = JSON.readTree(line);
            JsonNode time = json.path(TelemetryField.TIME.wireName());
            if (!TelemetryFormat.SOURCE.equals(json.path(TelemetryField.SOURCE.wireName()).asText())
                    || !time.canConvertToLong()) {
                return Optional.empty();
            }
            Optional<TelemetryEvent> event = TelemetryEvent.ofWireName(json.path(TelemetryField.EVENT.wireName()).asText());
            if (event.isEmpty()) {
                return Optional.empty();
            }
            Map<String, Object> fields = new LinkedHashMap<>();
            for (Map.Entry<String, JsonNode> field : json.properties()) {
                if (!ENVELOPE.contains(field.getKey())) {
                    fields.put(field.getKey(), JSON.treeToValue(field.getValue(), Object.class));
                }
            }
            return Optional.of(new HistoryEvent(time.asLong(), EventType.of(event.get()), pod, uid, fields));
        } catch (IOException | RuntimeException notTelemetry) {
            return Optional.empty();
        }
    }
}
