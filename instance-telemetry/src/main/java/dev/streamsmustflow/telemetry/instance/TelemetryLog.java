package dev.streamsmustflow.telemetry.instance;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamsmustflow.telemetry.TelemetryEvent;
import dev.streamsmustflow.telemetry.TelemetryField;
import dev.streamsmustflow.telemetry.TelemetryFormat;
import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes every telemetry event as one JSON line on stdout, so that a harness can read it from the
 * logs of any platform, in the {@link TelemetryFormat}: the envelope, then the event's own fields
 * (docs/app.md describes them).
 */
public final class TelemetryLog {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String instance;
    private final PrintStream out;
    private final Clock clock;

    public TelemetryLog(String instance, PrintStream out, Clock clock) {
        this.instance = instance;
        this.out = out;
        this.clock = clock;
    }

    /** Writes the event and returns it as written, with its timestamp. */
    public Map<String, Object> emit(TelemetryEvent event, Map<TelemetryField, ?> fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put(TelemetryField.SOURCE.wireName(), TelemetryFormat.SOURCE);
        line.put(TelemetryField.EVENT.wireName(), event.wireName());
        line.put(TelemetryField.TIME.wireName(), clock.millis());
        line.put(TelemetryField.INSTANCE.wireName(), instance);
        fields.forEach((field, value) -> line.put(field.wireName(), value));
        String json;
        try {
            json = JSON.writeValueAsString(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("telemetry fields must be plain values: " + fields, e);
        }
        synchronized (out) {
            out.println(json);
            out.flush();
        }
        return line;
    }

    public String instance() {
        return instance;
    }

    public long now() {
        return clock.millis();
    }
}
