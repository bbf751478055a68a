package dev.streamsmustflow.recovery.checker;

/**
 * The input topic read back against what the broker acknowledged to the workload.
 *
 * @param logged records in the input topic
 * @param acknowledged records the broker acknowledged, each with the partition and offset it gave
 * @param missing acknowledged records that are not at their acknowledged place: the broker lost them
 * @param duplicates records written a second time at another offset, a copy of a record the workload sent
 *     once (the producer's retry across a broker restart that the broker did not recognise as a retry)
 * @param foreign records the workload never sent
 */
public record InputAudit(long logged, long acknowledged, long missing, long duplicates, long foreign) {

    /** Written by results from before the input topic was read back. */
    public static final InputAudit NOTHING_CHECKED = new InputAudit(0, 0, 0, 0, 0);

    public InputAudit plus(InputAudit other) {
        return new InputAudit(logged + other.logged, acknowledged + other.acknowledged, missing + other.missing,
                duplicates + other.duplicates, foreign + other.foreign);
    }

    /** Whether the app was given anything other than exactly the acknowledged records. */
    public boolean any() {
        return missing + duplicates + foreign > 0;
    }

    String describe() {
        return logged + " input records, " + acknowledged + " acknowledged; missing " + missing
                + ", written twice " + duplicates + ", foreign " + foreign;
    }
}
