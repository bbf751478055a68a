package dev.streamsmustflow.tradestats;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintStream;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes every telemetry event as one JSON line on stdout, so that a harness can read it from the
 * logs of any platform. The schema is documented in the README: each line has {@code source},
 * {@code event}, {@code time} (epoch ms) and {@code instance}, then the event's own fields.
 */
public final class TelemetryLog {

    public static final String SOURCE = "trade-stats";

    private final String instance;
    private final PrintStream out;
    private final Clock clock;

    public TelemetryLog(String instance, PrintStream out, Clock clock) {
        this.instance = instance;
        this.out = out;
        this.clock = clock;
    }

    /** Writes the event and returns it as written, with its timestamp. */
    public Map<String, Object> emit(String event, Map<String, ?> fields) {
        Map<String, Object> line = new LinkedHashMap<>();
        line.put("source", SOURCE);
        line.put("event", event);
        line.put("time", clock.millis());
        line.put("instance", instance);
        line.putAll(fields);
        String json;
        try {
            json = JsonSerde.MAPPER.writeValueAsString(line);
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
