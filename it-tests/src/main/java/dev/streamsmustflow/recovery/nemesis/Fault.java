package dev.streamsmustflow.recovery.nemesis;

import dev.streamsmustflow.recovery.platform.Capability;
import java.util.Set;
import java.util.function.Supplier;

/** The faults a scenario can inject; the names follow Chaos Mesh. Each is done by its own {@link Nemesis}. */
public enum Fault {
    /** Crash a pod: its process killed (SIGKILL), the pod deleted, then the controller creates a replacement pod. */
    POD_KILL(PodKill::new),
    /** Delete a pod gracefully: SIGTERM, the app closes within its grace period, then a replacement pod. */
    POD_DELETE(PodDelete::new),
    /** Kill the app process; the container restarts inside the same pod, whose emptyDir survives. */
    CONTAINER_KILL(ContainerKill::new),
    /** Replace every pod, one after the other, each gracefully, waiting for the new one to be ready. */
    ROLLING_RESTART(RollingRestart::new),
    /** Add one replica. */
    SCALE_OUT(ScaleOut::new),
    /** Remove one replica gracefully, without replacement. */
    SCALE_IN(ScaleIn::new),
    /** Crash every pod at once, as {@link #POD_KILL} does one. */
    KILL_ALL(KillAll::new),
    /** Freeze a pod's process past the session timeout, then let it go on: a zombie. */
    PAUSE(Pause::new),
    /** Stop the Kafka broker and start it again on the same address and data. */
    BROKER_RESTART(BrokerRestart::new),
    /** Crash a pod, then crash its replacement as soon as it begins restoring. */
    KILL_DURING_RESTORE(KillDuringRestore::new);

    private final Supplier<Nemesis> nemesis;

    Fault(Supplier<Nemesis> nemesis) {
        this.nemesis = nemesis;
    }

    /** Whether a platform with these capabilities can do this fault. */
    public boolean runsWith(Set<Capability> capabilities) {
        return capabilities.containsAll(nemesis().needs());
    }

    /** The nemesis that does this fault. */
    public Nemesis nemesis() {
        return nemesis.get();
    }
}
