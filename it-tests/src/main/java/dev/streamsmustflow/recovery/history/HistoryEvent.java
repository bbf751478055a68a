package dev.streamsmustflow.recovery.history;

import java.util.Map;

/**
 * One entry of a scenario's history.
 *
 * @param time wall-clock epoch ms: the app's own timestamp for its telemetry, the platform's for pod
 *     events, the harness's for faults and checkpoints
 * @param source {@code app}, {@code platform} or {@code harness}
 * @param type the event name, e.g. {@code restore-end}, {@code pod-exited}, {@code fault-injected}
 * @param pod the pod the event concerns, or null
 * @param uid the pod's uid (a new pod, even of the same name, has a new uid), or null
 */
public record HistoryEvent(long time, String source, String type, String pod, String uid, Map<String, Object> fields) {

    public static final String APP = "app";
    public static final String PLATFORM = "platform";
    public static final String HARNESS = "harness";

    public long longField(String name) {
        Object value = fields.get(name);
        return value instanceof Number number ? number.longValue() : -1;
    }

    public boolean is(String source, String type) {
        return this.source.equals(source) && this.type.equals(type);
    }
}
