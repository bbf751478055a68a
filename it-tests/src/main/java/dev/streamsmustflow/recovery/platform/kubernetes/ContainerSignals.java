package dev.streamsmustflow.recovery.platform.kubernetes;

import dev.streamsmustflow.recovery.platform.ProcessSignal;

/**
 * Sends a signal to an application container's process from its node: KILL so that the kubelet
 * restarts the container inside the same pod, STOP and CONT to freeze it and let it go on. (A
 * SIGKILL to PID 1 from inside its own container is ignored, hence the node.)
 */
@FunctionalInterface
public interface ContainerSignals {

    void send(String podUid, String containerName, ProcessSignal signal);
}
