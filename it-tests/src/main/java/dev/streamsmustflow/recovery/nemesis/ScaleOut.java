package dev.streamsmustflow.recovery.nemesis;

import dev.streamsmustflow.recovery.platform.Capability;
import dev.streamsmustflow.recovery.platform.DeployedApp;
import dev.streamsmustflow.recovery.platform.PodView;
import java.util.List;
import java.util.Set;

/** {@link Fault#SCALE_OUT}: one replica more; no pod is hit. */
final class ScaleOut implements Nemesis {

    @Override
    public List<PodView> targets(List<PodView> running) {
        return List.of();
    }

    @Override
    public void inject(FaultScope scope, List<PodView> targets) {
        DeployedApp app = scope.app();
        app.scaleTo(app.wantedReplicas() + 1);
    }

    @Override
    public Expectation expectation() {
        return Expectation.POD_ADDED;
    }

    @Override
    public Set<Capability> needs() {
        return Set.of(Capability.SCALE);
    }
}
