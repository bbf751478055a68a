package dev.streamsmustflow.recovery.platform;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The application as deployed on a platform: its pods, the few operations faults are made of, and
 * teardown. A platform implements each operation once; which fault uses which is the nemesis's business.
 */
public interface DeployedApp extends AutoCloseable {

    /** The pods that exist now, oldest ordinal first; a pod being deleted is still listed, not ready. */
    List<PodView> pods();

    /** How many pods the app's controller keeps running. */
    int wantedReplicas();

    /**
     * Deletes a pod; its controller replaces it the variant's way (a StatefulSet once the old pod is
     * gone, under the same name and volume; a Deployment at once, under a new name, with an empty disk).
     * Returns when the pod's process has ended, not when the replacement is up.
     */
    void deletePod(PodView pod, Deletion deletion);

    /** Kills the app's process inside the pod (SIGKILL); the container restarts in the same pod. */
    void killProcess(PodView pod);

    /** Freezes the app's process inside the pod (SIGSTOP): it keeps its pod, its state and its group membership. */
    void pause(PodView pod);

    /** Lets a frozen process go on (SIGCONT). */
    void resume(PodView pod);

    /** Changes the number of replicas; scaling in removes the newest pods gracefully, without replacement. */
    void scaleTo(int replicas);

    /** Where the pods' logs are. */
    Path logDirectory();

    /** Waits until the wanted number of pods run and all are ready. */
    default void awaitReady(Duration timeout) {
        ReadyPods.awaitAll(this, timeout);
    }

    /** Deletes every pod and volume. */
    @Override
    void close();
}
