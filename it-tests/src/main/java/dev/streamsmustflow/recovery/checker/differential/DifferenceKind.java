package dev.streamsmustflow.recovery.checker.differential;

import dev.streamsmustflow.recovery.deployment.ProcessingGuarantee;

/** The ways an output topic can differ from the reference's, and which of them make a run INVALID. */
public enum DifferenceKind {
    /** table, final-only: a key the reference wrote that the run never did. */
    MISSING_KEY("missing key"),
    /** table, final-only: a key the run wrote that the reference never did. */
    UNEXPECTED_KEY("unexpected key"),
    /** table, final-only: the key's last value is not the reference's last value. */
    WRONG_FINAL("wrong final value"),
    /** table: a value the reference had for the key, but earlier than one already seen: the table went back. */
    REGRESSED("regressed"),
    /** table: a value the reference never had for the key. */
    FROM_NOWHERE("value from nowhere"),
    /** stream: a record of the reference's that the run did not write (as often as the reference did). */
    MISSING_RECORD("missing record"),
    /** stream: a record the reference never wrote. */
    UNEXPECTED_RECORD("unexpected record"),
    /** stream: a record of the reference's written more often than the reference wrote it. */
    DUPLICATE("duplicate");

    private final String description;

    DifferenceKind(String description) {
        this.description = description;
    }

    /** Whether a difference of this kind makes the run INVALID: all do but duplicates under at-least-once. */
    public boolean invalidates(ProcessingGuarantee guarantee) {
        return this != DUPLICATE || guarantee.exactlyOnce();
    }

    @Override
    public String toString() {
        return description;
    }
}
