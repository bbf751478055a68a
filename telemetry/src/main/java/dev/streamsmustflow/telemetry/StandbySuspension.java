package dev.streamsmustflow.telemetry;

import java.util.Arrays;
import java.util.Optional;

/**
 * Why a standby stopped loading ({@code StandbyUpdateListener.SuspendReason}), as a
 * {@link TelemetryEvent#STANDBY_UPDATE_SUSPENDED} writes it: promoted to the active task (a warm-up that served
 * its recovery), or migrated to another instance (loading thrown away). The app's tests keep the names equal.
 */
public enum StandbySuspension {
    MIGRATED, PROMOTED;

    /** The reason of a name; empty for null or a name this version does not know. */
    public static Optional<StandbySuspension> ofName(String name) {
        return Arrays.stream(values()).filter(reason -> reason.name().equals(name)).findFirst();
    }
}
