package dev.streamsmustflow.recovery.scenario;

/**
 * A scenario that could not be run to its verdict, whatever failed (a timeout included): the message
 * says which scenario, in which step, with which seed, and where its logs and history are.
 */
public final class ScenarioFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ScenarioFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
