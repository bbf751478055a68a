package dev.streamsmustflow.recovery.platform;

import dev.streamsmustflow.recovery.history.HistoryEvent;
import dev.streamsmustflow.recovery.nemesis.Fault;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The application as deployed on a platform: its pods, faults against them, and teardown. */
public interface DeployedApp extends AutoCloseable {

    List<PodView> pods();

    /** Waits until the wanted number of pods run and all are ready. */
    void awaitReady(Duration timeout);

    /**
     * Injects the fault against the first pod (all pods for KILL_ALL and ROLLING_RESTART) and
     * returns the {@code fault-injected} history event, which names the targets' uids.
     */
    HistoryEvent inject(Fault fault);

    /** Where the pods' logs are. */
    Path logDirectory();

    /** Deletes every pod and volume. */
    @Override
    void close();
}
