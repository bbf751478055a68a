package dev.streamsmustflow.recovery.nemesis;

import dev.streamsmustflow.recovery.platform.Capability;
import dev.streamsmustflow.recovery.platform.DeployedApp;
import dev.streamsmustflow.recovery.platform.PodView;
import java.util.List;
import java.util.Set;

/**
 * {@link Fault#CONTAINER_KILL}: the first pod's app process is killed; the container restarts in the
 * same pod, whose emptyDir survives.
 */
final class ContainerKill implements Nemesis {

    @Override
    public List<PodView> targets(List<PodView> running) {
        return Targets.first(running);
    }

    @Override
    public void inject(FaultScope scope, List<PodView> targets) {
        DeployedApp app = scope.app();
        targets.forEach(app::killProcess);
    }

    @Override
    public Expectation expectation() {
        return Expectation.TARGETS_RESTARTED_IN_PLACE;
    }

    @Override
    public Set<Capability> needs() {
        return Set.of(Capability.KILL_PROCESS_IN_PLACE);
    }
}
