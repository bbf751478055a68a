package dev.streamsmustflow.recovery.platform;

/** How a pod is deleted. */
public enum Deletion {
    /** SIGTERM, then SIGKILL once the pod's termination grace period is over: the app closes cleanly. */
    GRACEFUL,
    /** Grace period 0: the app's process is killed, it cannot close. */
    IMMEDIATE
}
