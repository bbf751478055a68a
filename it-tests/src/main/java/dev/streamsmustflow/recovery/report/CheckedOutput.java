package dev.streamsmustflow.recovery.report;

/**
 * What a run's oracle checked, and how a report names what it found: trade-stats' windows (the built-in oracle), or
 * a described app's keys and records (the differential check against a reference).
 */
public enum CheckedOutput {
    WINDOWS("the oracle", "window", "lost windows", "unexpected windows", "over-counted windows", "wrong values",
            "windows whose updates went back"),
    KEYED_RECORDS("the differential check", "key or record", "missing keys or records", "unexpected keys or records",
            "duplicated records", "wrong final values or values from nowhere", "updates that went back");

    private final String checker;
    private final String unit;
    private final String lost;
    private final String unexpected;
    private final String duplicated;
    private final String wrong;
    private final String regressed;

    CheckedOutput(String checker, String unit, String lost, String unexpected, String duplicated, String wrong,
            String regressed) {
        this.checker = checker;
        this.unit = unit;
        this.lost = lost;
        this.unexpected = unexpected;
        this.duplicated = duplicated;
        this.wrong = wrong;
        this.regressed = regressed;
    }

    /** Windows where trade-stats ran (and where the report does not say what ran), keyed records otherwise. */
    public static CheckedOutput of(Environment environment) {
        return environment == null || environment.app() == null ? WINDOWS : KEYED_RECORDS;
    }

    String checker() {
        return checker;
    }

    String unit() {
        return unit;
    }

    String lost() {
        return lost;
    }

    String unexpected() {
        return unexpected;
    }

    String duplicated() {
        return duplicated;
    }

    String wrong() {
        return wrong;
    }

    String regressed() {
        return regressed;
    }
}
