package dev.streamsmustflow.recovery.cli;

/** What {@code ./compare} exits with. */
enum ExitCode {
    /** Every scenario ran; no exactly-once verdict is worse than VALID; no regression against the baseline. */
    DONE(0),
    /** A regression against the baseline, or an exactly-once verdict that is not VALID. */
    FAILED_CHECK(1),
    /** An invalid option or combination of options; nothing ran. */
    USAGE(2),
    /** The platform could not start, or a scenario could not run; what ran is reported. */
    COULD_NOT_RUN(3);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    int code() {
        return code;
    }

    /** The worse of the two: the higher code. */
    ExitCode and(ExitCode other) {
        return other.code > code ? other : this;
    }
}
