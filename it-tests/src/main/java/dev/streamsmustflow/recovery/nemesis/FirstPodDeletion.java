package dev.streamsmustflow.recovery.nemesis;

import dev.streamsmustflow.recovery.platform.Capability;
import dev.streamsmustflow.recovery.platform.Deletion;
import dev.streamsmustflow.recovery.platform.DeployedApp;
import dev.streamsmustflow.recovery.platform.PodView;
import java.util.List;
import java.util.Set;

/** What {@link PodKill} and {@link PodDelete} share: the first pod is deleted and its controller replaces it. */
abstract class FirstPodDeletion implements Nemesis {

    /** How the pod is deleted: the one thing the two faults differ in. */
    abstract Deletion deletion();

    @Override
    public List<PodView> targets(List<PodView> running) {
        return Targets.first(running);
    }

    @Override
    public void inject(FaultScope scope, List<PodView> targets) {
        DeployedApp app = scope.app();
        targets.forEach(pod -> app.deletePod(pod, deletion()));
    }

    @Override
    public Expectation expectation() {
        return Expectation.TARGETS_REPLACED;
    }

    @Override
    public Set<Capability> needs() {
        return Set.of(deletion() == Deletion.IMMEDIATE ? Capability.CRASH_POD : Capability.DELETE_POD);
    }
}
