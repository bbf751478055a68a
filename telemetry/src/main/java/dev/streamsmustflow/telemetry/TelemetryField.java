package dev.streamsmustflow.telemetry;

/**
 * The fields of a telemetry line, by the name they have on the wire: first the envelope every line has, then
 * the fields of each {@link TelemetryEvent}. A field whose value the writer does not know is null, never a
 * made-up value.
 */
public enum TelemetryField {
    // the envelope: every line
    /** Who wrote the line: {@link TelemetryFormat#SOURCE}. */
    SOURCE("source"),
    /** The {@link TelemetryEvent}'s wire name. */
    EVENT("event"),
    /** Wall-clock epoch ms at the writer. */
    TIME("time"),
    /** The instance (pod) that wrote it. */
    INSTANCE("instance"),

    // started
    VERSION("version"),
    TOPOLOGY("topology"),
    APPLICATION_ID("applicationId"),
    BOOTSTRAP_SERVERS("bootstrapServers"),
    PROCESSING_GUARANTEE("processingGuarantee"),
    /** {@code classic} or {@code streams}. */
    GROUP_PROTOCOL("groupProtocol"),
    STATIC_MEMBERSHIP("staticMembership"),
    LEAVE_GROUP_ON_CLOSE("leaveGroupOnClose"),
    STANDBY_REPLICAS("standbyReplicas"),
    TRANSACTIONAL_STATE_STORES("transactionalStateStores"),
    STATE_DIR("stateDir"),
    HTTP_PORT("httpPort"),
    /** The bytes of the record cache across the instance's threads ({@code statestore.cache.max.bytes}); 0 for none. */
    RECORD_CACHE_BYTES("recordCacheBytes"),
    PID("pid"),

    // state-change: InstanceState names
    FROM("from"),
    TO("to"),

    // tasks-assigned: task ids
    ACTIVE("active"),
    STANDBY("standby"),

    // restores and standby updates, per store partition
    STORE("store"),
    /** The changelog topic (processing-resumed: the input topic). */
    TOPIC("topic"),
    PARTITION("partition"),
    START_OFFSET("startOffset"),
    END_OFFSET("endOffset"),
    RECORDS_RESTORED("recordsRestored"),
    /** A standby's position when it stopped loading. */
    STORE_OFFSET("storeOffset"),
    RECORDS_LOADED("recordsLoaded"),
    DURATION_MS("durationMs"),
    /** standby-update-suspended: a {@link StandbySuspension}; readiness: why the instance is (not) ready. */
    REASON("reason"),

    // readiness
    READY("ready"),

    // memory
    RESIDENT_BYTES("residentBytes"),
    PEAK_RESIDENT_BYTES("peakResidentBytes"),
    HEAP_USED_BYTES("heapUsedBytes"),
    HEAP_COMMITTED_BYTES("heapCommittedBytes"),

    // processing-resumed (with TOPIC and PARTITION)
    TASK("task"),
    OFFSET("offset"),

    // fatal-error
    ERROR("error"),

    // shutdown-requested
    SIGNAL("signal"),

    // stopped
    CLEAN("clean"),
    CLOSE_MS("closeMs"),
    FINAL_STATE("finalState");

    private final String wireName;

    TelemetryField(String wireName) {
        this.wireName = wireName;
    }

    /** The field's name in a telemetry line's JSON object. */
    public String wireName() {
        return wireName;
    }
}
