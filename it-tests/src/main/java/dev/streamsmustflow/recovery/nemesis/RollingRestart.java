package dev.streamsmustflow.recovery.nemesis;

import static org.awaitility.Awaitility.await;

import dev.streamsmustflow.recovery.platform.Capability;
import dev.streamsmustflow.recovery.platform.Deletion;
import dev.streamsmustflow.recovery.platform.DeployedApp;
import dev.streamsmustflow.recovery.platform.PodView;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * {@link Fault#ROLLING_RESTART}: every pod is replaced, newest ordinal first as a StatefulSet rolls,
 * each deleted gracefully and the next one only once the replacement is ready — on every platform the
 * same steps, driven by the harness, so that each replacement is timed alike.
 */
final class RollingRestart implements Nemesis {

    /** For one pod: its graceful stop, the replacement's start, restore and readiness. */
    static final Duration STEP_TIMEOUT = Duration.ofMinutes(4);

    @Override
    public List<PodView> targets(List<PodView> running) {
        return Targets.all(running);
    }

    @Override
    public void inject(FaultScope scope, List<PodView> targets) {
        DeployedApp app = scope.app();
        List<PodView> order = targets.stream().sorted(Comparator.comparing(PodView::name).reversed()).toList();
        for (PodView pod : order) {
            app.deletePod(pod, Deletion.GRACEFUL);
            await("rolling restart: " + pod.name() + " (uid " + pod.uid() + ") " + expectation().description()
                    + " (logs in " + app.logDirectory() + ")")
                    .atMost(STEP_TIMEOUT)
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> expectation().metBy(List.of(pod), app.pods(), app.wantedReplicas()));
            app.awaitReady(STEP_TIMEOUT);
        }
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
