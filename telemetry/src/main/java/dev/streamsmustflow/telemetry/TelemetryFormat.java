package dev.streamsmustflow.telemetry;

import java.util.Set;

/**
 * How telemetry travels: one JSON object per line on the instance's stdout, with the envelope
 * ({@link TelemetryField#SOURCE} = {@value #SOURCE}, {@link TelemetryField#EVENT}, {@link TelemetryField#TIME},
 * {@link TelemetryField#INSTANCE}) and then the event's own fields. Whatever else a log holds is no telemetry.
 */
public final class TelemetryFormat {

    /** The envelope's source: a line with any other is not telemetry. */
    public static final String SOURCE = "recovery-telemetry";

    /** The fields every line has; the rest are the event's own. */
    public static final Set<TelemetryField> ENVELOPE = Set.of(TelemetryField.SOURCE, TelemetryField.EVENT,
            TelemetryField.TIME, TelemetryField.INSTANCE);

    private TelemetryFormat() {
    }
}
