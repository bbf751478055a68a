package dev.streamsmustflow.recovery.history;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The instants of the recovery anatomy (docs/harness.md#recovery-anatomy), t0 to t7, named as the {@link RecoveryTimeline}'s
 * fields: the phases are the spans between them.
 */
public enum Moment {
    /** t0: the fault began. */
    FAULT_INJECTED("faultInjected"),
    /** t1: the last target's process ended. */
    PROCESS_GONE("processGone"),
    /** t2: the replacement's app started (its {@code started} event, else its container). */
    REPLACEMENT_STARTED("replacementStarted"),
    /** t3: the replacement got its first task. */
    TASKS_ASSIGNED("tasksAssigned"),
    /** t4: the first restore or warm-up began. */
    RESTORE_STARTED("restoreStarted"),
    /** t5: the last restore or warm-up ended. */
    RESTORE_ENDED("restoreEnded"),
    /** t6: the last pod started after the fault became ready. */
    READY("ready"),
    /** t7: committed offsets reached the input's end, or under load their lag fell back to its pre-fault level. */
    CAUGHT_UP("caughtUp");

    private final String key;

    Moment(String key) {
        this.key = key;
    }

    @JsonValue
    public String key() {
        return key;
    }
}
