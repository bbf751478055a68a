package dev.streamsmustflow.recovery.platform.kubernetes;

/**
 * Kills an application container's process from its node, so that the kubelet restarts the
 * container inside the same pod. (A SIGKILL to PID 1 from inside its own container is ignored.)
 */
@FunctionalInterface
public interface ContainerKiller {

    void kill(String podUid, String containerName);
}
