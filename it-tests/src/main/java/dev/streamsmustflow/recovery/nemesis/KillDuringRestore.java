package dev.streamsmustflow.recovery.nemesis;

import static org.awaitility.Awaitility.await;

import dev.streamsmustflow.recovery.history.EventType;
import dev.streamsmustflow.recovery.history.FaultEvent;
import dev.streamsmustflow.recovery.history.HistoryEvent;
import dev.streamsmustflow.recovery.platform.Deletion;
import dev.streamsmustflow.recovery.platform.PodView;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * {@link Fault#KILL_DURING_RESTORE}: the first pod is killed (grace period 0), as {@link PodKill} does;
 * as soon as its replacement reports that it began restoring (or warming up), the replacement is
 * killed too, and the next replacement must recover. For a Deployment both replacements start empty;
 * for a StatefulSet the second finds what the first left on the volume.
 */
final class KillDuringRestore extends FirstPodDeletion {

    /** The replacement's start, its rebalance and the first restore's beginning. */
    static final Duration RESTORE_BEGINS_WITHIN = Duration.ofMinutes(3);

    @Override
    Deletion deletion() {
        return Deletion.IMMEDIATE;
    }

    @Override
    public void inject(FaultScope scope, List<PodView> targets) {
        Set<String> before = scope.app().pods().stream().map(PodView::uid).collect(Collectors.toSet());
        long killedAt = System.currentTimeMillis();
        super.inject(scope, targets);
        HistoryEvent restoring = await("a replacement of " + targets.stream().map(PodView::name).toList()
                + " begins restoring (logs in " + scope.app().logDirectory() + ")")
                .atMost(RESTORE_BEGINS_WITHIN)
                .pollInterval(Duration.ofMillis(20))
                .until(() -> firstRestoreOfANewPod(scope, before, killedAt), Optional::isPresent)
                .orElseThrow();
        PodView replacement = scope.app().pods().stream().filter(pod -> pod.uid().equals(restoring.uid())).findFirst()
                .orElseThrow(() -> new IllegalStateException("the replacement " + restoring.pod() + " that began "
                        + "restoring is gone before it could be killed"));
        FaultEvent.recordTargetAdded(scope.history(), replacement.name(), replacement.uid(), "killed while it restores");
        scope.app().deletePod(replacement, deletion());
    }

    private static Optional<HistoryEvent> firstRestoreOfANewPod(FaultScope scope, Set<String> before, long since) {
        return scope.history().select(event -> event.time() >= since
                && (event.is(EventType.RESTORE_START) || event.is(EventType.STANDBY_UPDATE_START))
                && event.uid() != null && !before.contains(event.uid())).stream().findFirst();
    }
}
