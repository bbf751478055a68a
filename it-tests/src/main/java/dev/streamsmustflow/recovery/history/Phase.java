package dev.streamsmustflow.recovery.history;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The phases of a recovery (DESIGN.md's recovery anatomy), named in results and reports by their
 * {@link #key()}. All but {@link #OUTPUT_GAP} are spans of the {@link RecoveryTimeline}.
 */
public enum Phase {
    /** Fault → old process gone. */
    TERMINATION("termination"),
    /** Old process gone → replacement started. */
    START("start"),
    /** Replacement started → tasks assigned. */
    REBALANCE("rebalance"),
    /** First restore start → last restore end (warm-up loading included). */
    RESTORE("restore"),
    /** Ready → committed offsets at the input's end. */
    CATCH_UP("catchUp"),
    /** Fault → every replacement ready. */
    TIME_TO_READY("timeToReady"),
    /** Fault → caught up. */
    TIME_TO_CAUGHT_UP("timeToCaughtUp"),
    /** The longest time a symbol had no output update across the fault (from the output, not the timeline). */
    OUTPUT_GAP("outputGap");

    private final String key;

    Phase(String key) {
        this.key = key;
    }

    /** The phase's name in result and report JSON, e.g. {@code timeToCaughtUp}. */
    @JsonValue
    public String key() {
        return key;
    }
}
