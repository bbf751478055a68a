package dev.streamsmustflow.recovery.platform;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

/** The wait for an app whose wanted number of pods all run and are ready, on any platform. */
final class ReadyPods {

    private static final Duration POLL = Duration.ofMillis(100);

    private ReadyPods() {
    }

    static void awaitAll(DeployedApp app, Duration timeout) {
        await("all " + app.wantedReplicas() + " pods ready (logs in " + app.logDirectory() + ")")
                .atMost(timeout)
                .pollInterval(POLL)
                .until(() -> allReady(app));
    }

    private static boolean allReady(DeployedApp app) {
        List<PodView> now = app.pods();
        return now.size() == app.wantedReplicas() && now.stream().allMatch(PodView::ready);
    }
}
