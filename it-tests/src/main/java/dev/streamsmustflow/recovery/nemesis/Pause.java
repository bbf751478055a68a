package dev.streamsmustflow.recovery.nemesis;

import static org.awaitility.Awaitility.await;

import dev.streamsmustflow.recovery.platform.Capability;
import dev.streamsmustflow.recovery.platform.PodView;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@link Fault#PAUSE}: the first pod's process is frozen (a long GC pause, a frozen node or VM) for
 * longer than the session timeout, then let go on. Meanwhile the group moves its tasks away, so the
 * process comes back as a zombie that must find out it no longer owns them.
 */
final class Pause implements Nemesis {

    @Override
    public List<PodView> targets(List<PodView> running) {
        return Targets.first(running);
    }

    @Override
    public void inject(FaultScope scope, List<PodView> targets) {
        Duration length = scope.pauseLength();
        targets.forEach(scope.app()::pause);
        CompletableFuture<Void> over = new CompletableFuture<>();
        CompletableFuture.delayedExecutor(length.toMillis(), TimeUnit.MILLISECONDS).execute(() -> over.complete(null));
        await("the pause of " + length.toMillis() + " ms is over")
                .atMost(length.plusSeconds(10))
                .pollInterval(Duration.ofMillis(100))
                .until(over::isDone);
        targets.forEach(scope.app()::resume);
    }

    @Override
    public Expectation expectation() {
        return Expectation.TARGETS_STILL_THERE;
    }

    @Override
    public Set<Capability> needs() {
        return Set.of(Capability.PAUSE_PROCESS);
    }
}
