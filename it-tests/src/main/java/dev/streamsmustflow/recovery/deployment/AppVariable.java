package dev.streamsmustflow.recovery.deployment;

/**
 * The app's environment variables that the harness sets (docs/app.md documents them all). The
 * harness keeps the app's classes off its classpath, so the names live here once for every platform.
 */
public enum AppVariable {
    KAFKA_BOOTSTRAP_SERVERS,
    APPLICATION_ID,
    INPUT_TOPIC,
    OUTPUT_TOPIC,
    DEAD_LETTER_TOPIC,
    STATE_DIR,
    POD_NAME,
    HTTP_PORT,
    PROCESSING_GUARANTEE,
    NUM_STANDBY_REPLICAS,
    TRANSACTIONAL_STATE_STORES,
    GROUP_PROTOCOL,
    STATIC_MEMBERSHIP,
    LEAVE_GROUP_ON_CLOSE,
    /** {@code trade-stats} or {@code pass-through}, the processing benchmark's baseline. */
    TOPOLOGY,
    STORE_RETENTION_MS,
    WINDOW_GRACE_MS,
    /** Kafka Streams' {@code session.timeout.ms}, through the app's {@code KAFKA_STREAMS_} prefix. */
    KAFKA_STREAMS_SESSION_TIMEOUT_MS,
    /** The consumer's {@code heartbeat.interval.ms}. */
    KAFKA_STREAMS_HEARTBEAT_INTERVAL_MS,
    /** Kafka Streams' {@code commit.interval.ms}. */
    KAFKA_STREAMS_COMMIT_INTERVAL_MS
}
