package dev.streamsmustflow.recovery.history;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Who wrote a history event: the app's telemetry, the platform's pod events, or the harness. */
public enum EventSource {
    APP, PLATFORM, HARNESS;

    @JsonValue
    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
