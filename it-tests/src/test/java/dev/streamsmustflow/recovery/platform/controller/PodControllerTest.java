package dev.streamsmustflow.recovery.platform.controller;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamsmustflow.recovery.deployment.AppSettings;
import dev.streamsmustflow.recovery.deployment.DeploymentSpec;
import dev.streamsmustflow.recovery.deployment.PodManagementPolicy;
import dev.streamsmustflow.recovery.deployment.Variant;
import dev.streamsmustflow.recovery.history.EventType;
import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.history.HistoryEvent;
import dev.streamsmustflow.recovery.platform.Deletion;
import dev.streamsmustflow.recovery.platform.PodView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * The controller's StatefulSet and Deployment semantics, on a runtime whose containers are futures:
 * what is replaced, under which name, with which volume, in which order, and what is deleted.
 */
class PodControllerTest {

    private static final Duration GRACE = Duration.ofSeconds(5);
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final History history = new History();
    private final ScriptedRuntime runtime = new ScriptedRuntime();

    @Test
    void aStatefulSetReplacesADeletedPodUnderItsNameAndVolumeOnceTheOldOneIsGone() {
        try (PodController app = new PodController(spec(Variant.STATEFUL_SET), runtime, history, GRACE)) {
            PodView first = app.pods().get(0);

            app.deletePod(first, Deletion.IMMEDIATE);

            await("a replacement of trade-stats-0").atMost(WAIT).until(() -> app.pods().size() == 3);
            PodView replacement = app.pods().get(0);
            assertEquals("trade-stats-0", replacement.name());
            assertNotEquals(first.uid(), replacement.uid());
            assertEquals(List.of("trade-stats-0", "trade-stats-1", "trade-stats-2", "trade-stats-0"), runtime.volumesStarted);
            assertTrue(indexOf(EventType.POD_DELETED, first.uid()) < indexOf(EventType.POD_CREATED, replacement.uid()),
                    "the replacement came before the old pod was gone: " + history.events());
            assertEquals(List.of(), runtime.volumesDeleted, "a StatefulSet's volume outlives its pod");
        }
        assertEquals(List.of("trade-stats-0", "trade-stats-1", "trade-stats-2"), runtime.volumesDeleted,
                "every ordinal's volume is deleted at teardown");
    }

    @Test
    void aDeploymentStartsAReplacementWithANewNameAndVolumeWhileTheOldPodStillTerminates() {
        try (PodController app = new PodController(spec(Variant.DEPLOYMENT), runtime, history, GRACE)) {
            PodView first = app.pods().get(0);
            List<String> before = app.pods().stream().map(PodView::uid).toList();

            app.deletePod(first, Deletion.GRACEFUL);

            PodView replacement = app.pods().stream().filter(pod -> !before.contains(pod.uid())).findFirst().orElseThrow();
            assertNotEquals(first.name(), replacement.name());
            assertTrue(indexOf(EventType.POD_CREATED, replacement.uid()) < indexOf(EventType.POD_DELETED, first.uid()),
                    "a ReplicaSet does not wait for the old pod: " + history.events());
            assertEquals(List.of(first.name() + "-emptydir"), runtime.volumesDeleted, "the emptyDir dies with its pod");
            assertEquals(List.of(first.uid()), runtime.removed);
        }
    }

    @Test
    void aDeploymentsOldPodIsTerminatedWithoutWaitingForItsReplacementsContainerToStart() throws Exception {
        try (PodController app = new PodController(spec(Variant.DEPLOYMENT), runtime, history, GRACE)) {
            PodView first = app.pods().get(0);
            ScriptedContainer old = runtime.containers.get(0);
            runtime.holdStarts();

            CompletableFuture<Void> deletion = CompletableFuture.runAsync(() -> app.deletePod(first, Deletion.GRACEFUL));

            await("the old pod is terminated while its replacement's container still starts").atMost(WAIT)
                    .until(() -> old.exit().isDone());
            assertFalse(deletion.isDone(), "the deletion returns once the replacement runs");
            runtime.releaseStarts();
            deletion.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertEquals(3, app.pods().stream().filter(PodView::running).count(), app.pods().toString());
        } finally {
            runtime.releaseStarts();
        }
    }

    @Test
    void aContainerThatDiesIsStartedAgainInTheSamePod() {
        try (PodController app = new PodController(spec(Variant.STATEFUL_SET), runtime, history, GRACE)) {
            PodView first = app.pods().get(0);

            app.killProcess(first);

            await("trade-stats-0 restarted in place").atMost(WAIT).until(() -> app.pods().get(0).restarts() == 1);
            assertEquals(first.uid(), app.pods().get(0).uid());
            assertEquals(List.of(0, 0, 0, 1), runtime.restartsStarted);
            assertEquals(List.of(), runtime.removed, "a restart in place removes nothing");
        }
    }

    @Test
    void scalingOutAddsTheNextOrdinalAndScalingInRemovesTheNewestPodGracefullyWithoutReplacement() {
        try (PodController app = new PodController(spec(Variant.STATEFUL_SET), runtime, history, GRACE)) {
            app.scaleTo(4);

            assertEquals(List.of("trade-stats-0", "trade-stats-1", "trade-stats-2", "trade-stats-3"),
                    app.pods().stream().map(PodView::name).toList());
            assertEquals(4, app.wantedReplicas());

            app.scaleTo(2);

            assertEquals(List.of("trade-stats-0", "trade-stats-1"), app.pods().stream().map(PodView::name).toList());
            assertEquals(List.of(143, 143), runtime.containers.subList(2, 4).stream().map(c -> c.exit.join()).toList(),
                    "the newest two were stopped with SIGTERM, not killed");
            assertEquals(4, runtime.volumesStarted.size(), "scaling in replaces nothing");
        }
    }

    @Test
    void pauseAndResumeAreRecordedWithTheRuntimesNameForTheContainer() {
        try (PodController app = new PodController(spec(Variant.STATEFUL_SET), runtime, history, GRACE)) {
            PodView first = app.pods().get(0);

            app.pause(first);
            app.resume(first);

            List<HistoryEvent> paused = history.events().stream().filter(event -> event.is(EventType.CONTAINER_PAUSED)).toList();
            assertEquals(1, paused.size());
            assertEquals("container-of-" + first.uid(), paused.get(0).fields().get("id"));
            assertEquals(List.of("pause", "resume"), runtime.containers.get(0).signals);
        }
    }

    @Test
    void underOrderedReadyAStatefulSetCreatesEachReplacementOnlyOnceThePodsBeforeItAreReady() throws Exception {
        runtime.readyOnStart(true);
        try (PodController app = new PodController(spec(Variant.STATEFUL_SET, PodManagementPolicy.ORDERED_READY), runtime,
                history, GRACE)) {
            await("the three pods ready, one after the other").atMost(WAIT)
                    .until(() -> app.pods().stream().filter(PodView::ready).count() == 3);
            List<PodView> before = app.pods();
            runtime.readyOnStart(false);

            CompletableFuture<Void> killAll = CompletableFuture.allOf(before.stream()
                    .map(pod -> CompletableFuture.runAsync(() -> app.deletePod(pod, Deletion.IMMEDIATE)))
                    .toArray(CompletableFuture[]::new));

            awaitOnly(app, List.of("trade-stats-0"), "trade-stats-0 alone until it is ready");
            runtime.latest("trade-stats-0").reportReady();
            awaitOnly(app, List.of("trade-stats-0", "trade-stats-1"), "trade-stats-1 next, trade-stats-2 once it is ready");
            runtime.latest("trade-stats-1").reportReady();
            killAll.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
            assertEquals(List.of("trade-stats-0", "trade-stats-1", "trade-stats-2"),
                    app.pods().stream().map(PodView::name).toList());
        }
    }

    @Test
    void underParallelAStatefulSetReplacesAllItsPodsWithoutWaitingForAnyToBeReady() throws Exception {
        try (PodController app = new PodController(spec(Variant.STATEFUL_SET, PodManagementPolicy.PARALLEL), runtime,
                history, GRACE)) {
            List<PodView> before = app.pods();

            CompletableFuture.allOf(before.stream()
                    .map(pod -> CompletableFuture.runAsync(() -> app.deletePod(pod, Deletion.IMMEDIATE)))
                    .toArray(CompletableFuture[]::new)).get(WAIT.toMillis(), TimeUnit.MILLISECONDS);

            assertEquals(List.of("trade-stats-0", "trade-stats-1", "trade-stats-2"),
                    app.pods().stream().map(PodView::name).toList());
            assertTrue(app.pods().stream().noneMatch(PodView::ready), "no replacement ever reported ready");
        }
    }

    /** Waits until the pods are {@code names}, and checks that they stay so for a while. */
    private static void awaitOnly(PodController app, List<String> names, String what) {
        await(what).atMost(WAIT).until(() -> app.pods().stream().map(PodView::name).toList().equals(names));
        await(what + ", and no more for half a second").during(Duration.ofMillis(500)).atMost(WAIT)
                .until(() -> app.pods().stream().map(PodView::name).toList().equals(names));
    }

    private int indexOf(EventType type, String uid) {
        List<HistoryEvent> events = history.events();
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i).is(type) && uid.equals(events.get(i).uid())) {
                return i;
            }
        }
        throw new AssertionError("no " + type + " of " + uid + " in " + events);
    }

    private static DeploymentSpec spec(Variant variant) {
        return new DeploymentSpec(DeploymentSpec.APP_NAME, "app", variant, 3, DeploymentSpec.Topics.prefixedWith("app"),
                AppSettings.exactlyOnce());
    }

    private static DeploymentSpec spec(Variant variant, PodManagementPolicy policy) {
        return new DeploymentSpec(DeploymentSpec.APP_NAME, "app", variant, 3, DeploymentSpec.Topics.prefixedWith("app"),
                AppSettings.exactlyOnce().withEnv(PodManagementPolicy.SETTING, policy.field()));
    }

    /** Containers that run until terminated or killed, which ends them at once. */
    private static final class ScriptedRuntime implements PodRuntime {

        final List<String> volumesStarted = new ArrayList<>();
        final List<Integer> restartsStarted = new ArrayList<>();
        final List<String> volumesDeleted = new ArrayList<>();
        final List<String> removed = new ArrayList<>();
        final List<ScriptedContainer> containers = new ArrayList<>();

        private volatile CountDownLatch startsHeld = new CountDownLatch(0);
        private volatile boolean readyOnStart;

        /** Whether later containers report ready as soon as they run in their pod. */
        void readyOnStart(boolean ready) {
            readyOnStart = ready;
        }

        /** The container started last in the pod named {@code pod}. */
        synchronized ScriptedContainer latest(String pod) {
            for (int i = containers.size() - 1; i >= 0; i--) {
                if (containers.get(i).pod.name().equals(pod)) {
                    return containers.get(i);
                }
            }
            throw new AssertionError("no container started in " + pod);
        }

        /** Later starts block until {@link #releaseStarts}: a container that takes long to start. */
        void holdStarts() {
            startsHeld = new CountDownLatch(1);
        }

        void releaseStarts() {
            startsHeld.countDown();
        }

        @Override
        public PodContainer start(ControlledPod pod, int restart, Map<String, String> env,
                Consumer<HistoryEvent> onTelemetry) {
            try {
                startsHeld.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            ScriptedContainer container = record(pod, restart, onTelemetry);
            if (readyOnStart) {
                // the controller takes the container once start returns; ready counts only after that
                CompletableFuture.runAsync(() -> {
                    await(pod.name() + " runs its new container").atMost(WAIT).until(() -> pod.container() == container);
                    container.reportReady();
                });
            }
            return container;
        }

        private synchronized ScriptedContainer record(ControlledPod pod, int restart, Consumer<HistoryEvent> onTelemetry) {
            volumesStarted.add(pod.volume());
            restartsStarted.add(restart);
            ScriptedContainer container = new ScriptedContainer(pod, onTelemetry);
            containers.add(container);
            return container;
        }

        @Override
        public synchronized void remove(ControlledPod pod) {
            removed.add(pod.uid());
        }

        @Override
        public synchronized void deleteVolume(String volume) {
            volumesDeleted.add(volume);
        }

        @Override
        public Path logDirectory() {
            return Path.of("logs");
        }
    }

    private static final class ScriptedContainer implements PodContainer {

        final ControlledPod pod;
        final String uid;
        final CompletableFuture<Integer> exit = new CompletableFuture<>();
        final List<String> signals = new ArrayList<>();
        private final Consumer<HistoryEvent> onTelemetry;

        ScriptedContainer(ControlledPod pod, Consumer<HistoryEvent> onTelemetry) {
            this.pod = pod;
            this.uid = pod.uid();
            this.onTelemetry = onTelemetry;
        }

        /** The app's readiness event, as its telemetry would send it. */
        void reportReady() {
            onTelemetry.accept(new HistoryEvent(System.currentTimeMillis(), EventType.READINESS, pod.name(), uid,
                    Map.of("ready", true)));
        }

        @Override
        public CompletableFuture<Integer> exit() {
            return exit;
        }

        @Override
        public boolean isAlive() {
            return !exit.isDone();
        }

        @Override
        public void terminate() {
            exit.complete(143);
        }

        @Override
        public void kill() {
            exit.complete(137);
        }

        @Override
        public void pause() {
            signals.add("pause");
        }

        @Override
        public void resume() {
            signals.add("resume");
        }

        @Override
        public Map<String, Object> identity() {
            return Map.of("id", "container-of-" + uid);
        }
    }
}
