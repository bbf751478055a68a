package dev.streamsmustflow.recovery.nemesis;

import java.util.List;

/** The faults a scenario can inject; the names follow Chaos Mesh. */
public enum Fault {
    /** Delete a pod with grace period 0: SIGKILL, then the controller creates a replacement pod. */
    POD_KILL,
    /** Delete a pod gracefully: SIGTERM, the app closes within its grace period, then a replacement pod. */
    POD_DELETE,
    /** Kill the app process; the container restarts inside the same pod, whose emptyDir survives. */
    CONTAINER_KILL,
    /** Replace every pod, one after the other, each gracefully, waiting for the new one to be ready. */
    ROLLING_RESTART,
    /** Add one replica. */
    SCALE_OUT,
    /** Remove one replica gracefully, without replacement. */
    SCALE_IN,
    /** Delete every pod with grace period 0 at once. */
    KILL_ALL;

    /** The pods this fault hits, of the running ones in order: the first, the last, all or none. */
    public <T> List<T> targetsAmong(List<T> running) {
        return switch (this) {
            case KILL_ALL, ROLLING_RESTART -> running;
            case SCALE_IN -> List.of(running.get(running.size() - 1));
            case SCALE_OUT -> List.of();
            default -> List.of(running.get(0));
        };
    }
}
