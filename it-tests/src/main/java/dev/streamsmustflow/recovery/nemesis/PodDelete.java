package dev.streamsmustflow.recovery.nemesis;

import dev.streamsmustflow.recovery.platform.Capability;
import dev.streamsmustflow.recovery.platform.Deletion;
import dev.streamsmustflow.recovery.platform.DeployedApp;
import dev.streamsmustflow.recovery.platform.PodView;
import java.util.List;
import java.util.Set;

/**
 * {@link Fault#POD_DELETE}: the first pod is deleted gracefully (SIGTERM, its termination grace
 * period before SIGKILL); its controller replaces it.
 */
final class PodDelete implements Nemesis {

    @Override
    public List<PodView> targets(List<PodView> running) {
        return Targets.first(running);
    }

    @Override
    public void inject(DeployedApp app, List<PodView> targets) {
        targets.forEach(pod -> app.deletePod(pod, Deletion.GRACEFUL));
    }

    @Override
    public Expectation expectation() {
        return Expectation.TARGETS_REPLACED;
    }

    @Override
    public Set<Capability> needs() {
        return Set.of(Capability.DELETE_POD);
    }
}
