package dev.streamsmustflow.recovery.history;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * One entry of a scenario's history.
 *
 * @param time wall-clock epoch ms: the app's own timestamp for its telemetry, the platform's for pod
 *     events, the harness's for faults and checkpoints
 * @param type what happened; its source is part of it
 * @param pod the pod the event concerns, or null
 * @param uid the pod's uid (a new pod, even of the same name, has a new uid), or null
 */
@JsonPropertyOrder({"time", "source", "type", "pod", "uid", "fields"})
@JsonIgnoreProperties(value = "source", allowGetters = true) // written for readers, derived from the type when read
public record HistoryEvent(long time, EventType type, String pod, String uid, Map<String, Object> fields) {

    @JsonProperty("source")
    public EventSource source() {
        return type.source();
    }

    public boolean is(EventType type) {
        return this.type == type;
    }

    /** A numeric field, or null when the event has none (never a made-up value). */
    public Long longField(String name) {
        return fields.get(name) instanceof Number number ? number.longValue() : null;
    }

    /** A list field as strings; empty when the event has none. */
    public List<String> listField(String name) {
        return fields.get(name) instanceof Collection<?> values ? values.stream().map(String::valueOf).toList() : List.of();
    }

    public String textField(String name) {
        Object value = fields.get(name);
        return value == null ? null : String.valueOf(value);
    }
}
