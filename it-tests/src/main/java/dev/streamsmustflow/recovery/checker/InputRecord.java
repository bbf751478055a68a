package dev.streamsmustflow.recovery.checker;

/** One record of the input topic as the broker holds it after a run; a null value is a null value. */
public record InputRecord(int partition, long offset, String key, String value) {
}
