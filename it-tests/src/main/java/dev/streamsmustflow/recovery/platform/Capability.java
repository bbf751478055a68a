package dev.streamsmustflow.recovery.platform;

/** The operations on pods and on the broker a platform offers; a fault needs some of them. */
public enum Capability {
    /** Delete a pod gracefully (SIGTERM, the grace period); its controller replaces it the variant's way. */
    DELETE_POD("the Kubernetes API"),
    /**
     * Crash a pod: kill its process (SIGKILL) so that it cannot close, and delete the pod; its controller
     * replaces it the variant's way. On Kubernetes the kill comes from the node: a delete with grace
     * period 0 alone still lets the kubelet stop the container with SIGTERM.
     */
    CRASH_POD("access to the nodes"),
    /** Kill the app's process inside a pod, which then restarts in place. */
    KILL_PROCESS_IN_PLACE("access to the nodes"),
    /** Change the number of replicas. */
    SCALE("the Kubernetes API"),
    /** Freeze the app's process inside a pod and let it go on later. */
    PAUSE_PROCESS("access to the nodes"),
    /** Stop the Kafka broker and start it again on the same address and data. */
    RESTART_BROKER("a broker the harness runs and can start again on the same address");

    private final String requires;

    Capability(String requires) {
        this.requires = requires;
    }

    /** What a platform must give the harness to offer this; named when a fault is refused. */
    public String requires() {
        return requires;
    }
}
