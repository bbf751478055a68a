package dev.streamsmustflow.recovery.platform;

/** How a pod is deleted. */
public enum Deletion {
    /** SIGTERM, then SIGKILL once the pod's termination grace period is over: the app closes cleanly. */
    GRACEFUL,
    /** A crash: the app's process is killed (SIGKILL) and cannot close; the pod is deleted with grace period 0. */
    IMMEDIATE
}
