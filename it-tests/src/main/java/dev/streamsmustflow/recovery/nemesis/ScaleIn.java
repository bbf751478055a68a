package dev.streamsmustflow.recovery.nemesis;

import dev.streamsmustflow.recovery.platform.Capability;
import dev.streamsmustflow.recovery.platform.DeployedApp;
import dev.streamsmustflow.recovery.platform.PodView;
import java.util.List;
import java.util.Set;

/**
 * {@link Fault#SCALE_IN}: one replica fewer. The controller removes the newest pod gracefully (a
 * StatefulSet its highest ordinal), so that pod is the target.
 */
final class ScaleIn implements Nemesis {

    @Override
    public List<PodView> targets(List<PodView> running) {
        return Targets.last(running);
    }

    @Override
    public void inject(FaultScope scope, List<PodView> targets) {
        DeployedApp app = scope.app();
        app.scaleTo(app.wantedReplicas() - 1);
    }

    @Override
    public Expectation expectation() {
        return Expectation.TARGETS_REMOVED;
    }

    @Override
    public Set<Capability> needs() {
        return Set.of(Capability.SCALE);
    }
}
