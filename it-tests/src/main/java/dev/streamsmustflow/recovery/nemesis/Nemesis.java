package dev.streamsmustflow.recovery.nemesis;

import dev.streamsmustflow.recovery.platform.Capability;
import dev.streamsmustflow.recovery.platform.PodView;
import java.util.List;
import java.util.Set;

/**
 * One fault, as Jepsen's nemesis does it: which pods it hits, what it does to them through the
 * platform's few operations, what must be true once the platform has recovered, and which
 * operations a platform needs to run it.
 */
public interface Nemesis {

    /** The pods this fault hits, chosen among the running ones (in the platform's order, oldest ordinal first). */
    List<PodView> targets(List<PodView> running);

    /** Does the fault; returns when its own action is over (not when the app has recovered). */
    void inject(FaultScope scope, List<PodView> targets);

    /** What the pods look like once the platform has dealt with the fault. */
    Expectation expectation();

    /** What a platform must be able to do for this fault. */
    Set<Capability> needs();
}
