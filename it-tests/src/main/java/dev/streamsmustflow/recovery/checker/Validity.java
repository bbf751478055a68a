package dev.streamsmustflow.recovery.checker;

/** Jepsen's three-valued validity. Combining keeps the worst: INVALID over UNKNOWN over VALID. */
public enum Validity {
    VALID, UNKNOWN, INVALID;

    public Validity and(Validity other) {
        return compareTo(other) >= 0 ? this : other;
    }
}
