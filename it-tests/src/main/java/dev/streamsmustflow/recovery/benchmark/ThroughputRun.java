package dev.streamsmustflow.recovery.benchmark;

/**
 * One run of the processing benchmark: a topology processing input that was all written before it
 * started.
 *
 * @param topology {@code trade-stats} or {@code pass-through} (the app's {@code TOPOLOGY})
 * @param records input records processed
 * @param steadyRecordsPerSecond committed input records a second between a fifth and four fifths of the
 *     input: the steady state, without the start and the tail
 * @param totalMs from the deployment to the last input offset committed
 */
public record ThroughputRun(String topology, int repetition, int records, double steadyRecordsPerSecond, long totalMs) {
}
