package dev.streamsmustflow.recovery.workload;

/**
 * An input record that is no valid trade, of one of the shapes docs/app.md lists; the app must
 * send it to the dead-letter topic and aggregate nothing of it.
 *
 * @param shape what is wrong with it, e.g. {@code zero price}
 */
public record MalformedRecord(long sequence, String key, String value, String shape) implements WorkloadRecord {
}
