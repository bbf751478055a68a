package dev.streamsmustflow.recovery.nemesis;

/** A fault whose own action failed or did not end: the scenario cannot say what it measured. */
public final class FaultFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    FaultFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
