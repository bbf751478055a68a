package dev.streamsmustflow.recovery.deployment.descriptor;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;

/** How the checker reads an output topic against the expected output, by what the topic means. */
public enum OutputSemantics {
    /**
     * The latest value per key is the state (a KTable's changelog, a windowed aggregate): the last committed value
     * of each key must be the expected last value, and every value seen must be one the expected output had for
     * that key, in its order (none goes back, none comes from nowhere).
     */
    TABLE("table"),
    /**
     * Every record is an event: the records must be the expected ones as a multiset under exactly-once, and hold
     * them under at-least-once, duplicates counted.
     */
    STREAM("stream"),
    /** Only the last value per key is compared. */
    FINAL_ONLY("final-only");

    private final String name;

    OutputSemantics(String name) {
        this.name = name;
    }

    @JsonValue
    @Override
    public String toString() {
        return name;
    }

    @JsonCreator
    public static OutputSemantics of(String name) {
        return Arrays.stream(values()).filter(semantics -> semantics.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + name + "' is no output semantics: "
                        + Arrays.toString(values())));
    }
}
