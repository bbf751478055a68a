package dev.streamsmustflow.recovery.checker.differential;

import java.util.List;

/** How one output semantics compares a run's records with the reference's, each list in the order it was read. */
interface OutputRule {

    void compare(List<KeyedRecord> reference, List<KeyedRecord> seen, DifferenceLog log);
}
