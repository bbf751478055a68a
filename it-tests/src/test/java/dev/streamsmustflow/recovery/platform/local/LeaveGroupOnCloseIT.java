package dev.streamsmustflow.recovery.platform.local;

import static org.awaitility.Awaitility.await;

import dev.streamsmustflow.recovery.deployment.AppSettings;
import dev.streamsmustflow.recovery.deployment.AppVariable;
import dev.streamsmustflow.recovery.deployment.DeploymentSpec;
import dev.streamsmustflow.recovery.deployment.ProcessingGuarantee;
import dev.streamsmustflow.recovery.deployment.Variant;
import dev.streamsmustflow.recovery.history.AppEvent;
import dev.streamsmustflow.recovery.history.EventType;
import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.history.HistoryEvent;
import dev.streamsmustflow.recovery.platform.DeployedApp;
import dev.streamsmustflow.recovery.platform.Deletion;
import dev.streamsmustflow.recovery.platform.PodView;
import dev.streamsmustflow.recovery.scenario.ScenarioTopics;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code LEAVE_GROUP_ON_CLOSE=true} on a real broker: a Deployment pod deleted gracefully leaves the group
 * as it closes, so the survivor takes its tasks over at once instead of after the closed member's session
 * times out (30 s here, so that the difference cannot be missed).
 */
@ExtendWith(SharedLocalPlatform.class)
class LeaveGroupOnCloseIT {

    private static final long SESSION_TIMEOUT_MS = 30_000;
    private static LocalPlatform platform;

    @BeforeAll
    static void startPlatform(LocalPlatform shared) {
        platform = shared;
    }

    @Test
    void aPodThatLeavesTheGroupOnCloseHandsItsTasksOverWithoutWaitingForItsSession() {
        AppSettings settings = AppSettings.forScenario(ProcessingGuarantee.EXACTLY_ONCE_V2, SESSION_TIMEOUT_MS)
                .withEnv(AppVariable.LEAVE_GROUP_ON_CLOSE, "true");
        DeploymentSpec spec = new DeploymentSpec(DeploymentSpec.APP_NAME, "leave-group", Variant.DEPLOYMENT, 2,
                DeploymentSpec.Topics.prefixedWith("leave-group"), settings);
        ScenarioTopics.create(platform, spec.topics(), 2);
        History history = new History();
        try (DeployedApp app = platform.deploy(spec, history)) {
            app.awaitReady(Duration.ofMinutes(2));
            PodView deleted = app.pods().get(0);
            List<String> itsTasks = tasksOf(history, deleted.name());

            app.deletePod(deleted, Deletion.GRACEFUL);

            long gone = history.select(event -> event.is(EventType.POD_DELETED) && deleted.uid().equals(event.uid()))
                    .get(0).time();
            // without leaving, the group would wait for the closed member's session: 30 s from its last heartbeat
            await("another pod runs " + itsTasks + " of " + deleted.name() + " well before its 30 s session would"
                    + " have expired (logs in " + app.logDirectory() + ")")
                    .atMost(Duration.ofMillis(SESSION_TIMEOUT_MS / 2))
                    .until(() -> history.select(event -> event.is(EventType.TASKS_ASSIGNED) && event.time() > gone
                            && !deleted.name().equals(event.pod()) && new AppEvent(event).activeTasks().containsAll(itsTasks))
                            .size() > 0);
        }
    }

    /** The active tasks {@code pod} last reported, once it reported any. */
    private static List<String> tasksOf(History history, String pod) {
        await(pod + " reports its active tasks").atMost(Duration.ofSeconds(30)).until(() -> !activeTasks(history, pod)
                .isEmpty());
        return activeTasks(history, pod);
    }

    private static List<String> activeTasks(History history, String pod) {
        List<HistoryEvent> assigned = history.select(event -> event.is(EventType.TASKS_ASSIGNED) && pod.equals(event.pod()));
        return assigned.isEmpty() ? List.of() : new AppEvent(assigned.get(assigned.size() - 1)).activeTasks();
    }
}
