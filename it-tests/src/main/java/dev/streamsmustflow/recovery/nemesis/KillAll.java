package dev.streamsmustflow.recovery.nemesis;

import dev.streamsmustflow.recovery.platform.Capability;
import dev.streamsmustflow.recovery.platform.Deletion;
import dev.streamsmustflow.recovery.platform.DeployedApp;
import dev.streamsmustflow.recovery.platform.PodView;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/** {@link Fault#KILL_ALL}: every pod is crashed (its process killed, the pod deleted), all at once. */
final class KillAll implements Nemesis {

    @Override
    public List<PodView> targets(List<PodView> running) {
        return Targets.all(running);
    }

    @Override
    public void inject(FaultScope scope, List<PodView> targets) {
        DeployedApp app = scope.app();
        targets.stream()
                .map(pod -> CompletableFuture.runAsync(() -> app.deletePod(pod, Deletion.IMMEDIATE)))
                .toList()
                .forEach(CompletableFuture::join);
    }

    @Override
    public Expectation expectation() {
        return Expectation.TARGETS_REPLACED;
    }

    @Override
    public Set<Capability> needs() {
        return Set.of(Capability.CRASH_POD);
    }
}
