package dev.streamsmustflow.recovery.platform;

/** The signals faults send to an app's process. */
public enum ProcessSignal {
    /** Ends the process at once: it cannot close anything. */
    KILL,
    /** Freezes the process (a GC pause, a frozen VM): it does nothing and answers nothing until continued. */
    STOP,
    /** Lets a frozen process go on where it stopped. */
    CONT
}
