package dev.streamsmustflow.recovery.platform.controller;

import dev.streamsmustflow.recovery.history.HistoryEvent;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Consumer;

/**
 * What runs the containers of the pods that a {@link PodController} keeps: child JVMs on the local
 * platform, Docker containers on the docker platform. The controller decides when a pod is created,
 * restarted in place or deleted, and with which volume; the runtime knows how.
 */
public interface PodRuntime {

    /**
     * Starts the container of {@code pod}: a new one for {@code restart} 0, the same one again after it
     * died (restart in place, its filesystem and volumes kept) for a higher restart count.
     *
     * @param env the pod's environment from its spec; the runtime adds where Kafka is and where the volume is
     * @param onTelemetry called with every telemetry event of the app, after it was added to the history
     */
    PodContainer start(ControlledPod pod, int restart, Map<String, String> env, Consumer<HistoryEvent> onTelemetry);

    /** Removes what is left of a deleted pod's container (its process has ended); its volume is not touched. */
    void remove(ControlledPod pod);

    /** Deletes a volume: an emptyDir with its pod, every StatefulSet volume at teardown. */
    void deleteVolume(String volume);

    /** Where the pods' logs are written. */
    Path logDirectory();
}
