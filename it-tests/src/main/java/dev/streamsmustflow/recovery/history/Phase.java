package dev.streamsmustflow.recovery.history;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The phases of a recovery (docs/harness.md#recovery-anatomy), named in results and reports by their
 * {@link #key()}. All but {@link #OUTPUT_GAP} are spans of the {@link RecoveryTimeline} between two
 * {@link Moment}s.
 */
public enum Phase {
    /** Fault → old process gone. */
    TERMINATION("termination", Moment.FAULT_INJECTED, Moment.PROCESS_GONE),
    /** Old process gone → replacement started. */
    START("start", Moment.PROCESS_GONE, Moment.REPLACEMENT_STARTED),
    /** Replacement started → tasks assigned. */
    REBALANCE("rebalance", Moment.REPLACEMENT_STARTED, Moment.TASKS_ASSIGNED),
    /** First restore start → last restore end (warm-up loading included). */
    RESTORE("restore", Moment.RESTORE_STARTED, Moment.RESTORE_ENDED),
    /** Ready → committed offsets at the input's end (under load: their lag back at its pre-fault level). */
    CATCH_UP("catchUp", Moment.READY, Moment.CAUGHT_UP),
    /** Fault → every replacement ready. */
    TIME_TO_READY("timeToReady", Moment.FAULT_INJECTED, Moment.READY),
    /** Fault → caught up. */
    TIME_TO_CAUGHT_UP("timeToCaughtUp", Moment.FAULT_INJECTED, Moment.CAUGHT_UP),
    /** The longest time a symbol had no output update across the fault (from the output, not the timeline). */
    OUTPUT_GAP("outputGap", null, null);

    private final String key;
    private final Moment from;
    private final Moment to;

    Phase(String key, Moment from, Moment to) {
        this.key = key;
        this.from = from;
        this.to = to;
    }

    /** The phase's name in result and report JSON, e.g. {@code timeToCaughtUp}. */
    @JsonValue
    public String key() {
        return key;
    }

    /** Where the span begins; null for the output gap, which is no span of the timeline. */
    public Moment from() {
        return from;
    }

    public Moment to() {
        return to;
    }
}
