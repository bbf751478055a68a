package dev.streamsmustflow.recovery.checker.differential;

/**
 * One difference between a run's output and the reference's, for the report's examples.
 *
 * @param expected what the reference had (its value, or the record), or null where it had nothing
 * @param seen what the run wrote, or null where it wrote nothing
 */
public record Difference(DifferenceKind kind, String key, String expected, String seen) {

    @Override
    public String toString() {
        return kind + " " + key + ": expected " + (expected == null ? "nothing" : expected) + ", seen "
                + (seen == null ? "nothing" : seen);
    }
}
