package dev.streamsmustflow.recovery.platform.kubernetes;

import dev.streamsmustflow.recovery.platform.ProcessSignal;

/**
 * Signals an application container's process from its node: KILL so that the kubelet restarts the
 * container inside the same pod, STOP and CONT to freeze it and let it go on, and the three together
 * for a crash ({@code KubernetesDeployedApp} explains the order). A SIGKILL to PID 1 from inside its
 * own container is ignored, hence the node.
 */
public interface ContainerSignals {

    /** Sends the signal to the main process of the pod's running container; returns its PID as the node sees it. */
    long send(String podUid, String containerName, ProcessSignal signal);

    /** Sends the signal to the process with this PID on the node; false if there is none any more. */
    boolean send(long pid, ProcessSignal signal);

    /** Whether a process with this PID still exists on the node. */
    boolean exists(long pid);
}
