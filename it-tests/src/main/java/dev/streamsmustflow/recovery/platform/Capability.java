package dev.streamsmustflow.recovery.platform;

/** The operations on pods a platform offers; a fault needs some of them. */
public enum Capability {
    /** Delete a pod, gracefully or at once; its controller replaces it the variant's way. */
    DELETE_POD,
    /** Kill the app's process inside a pod, which then restarts in place: needs access to the node. */
    KILL_PROCESS_IN_PLACE,
    /** Change the number of replicas. */
    SCALE
}
