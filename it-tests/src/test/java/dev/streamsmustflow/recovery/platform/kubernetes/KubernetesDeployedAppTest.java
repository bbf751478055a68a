package dev.streamsmustflow.recovery.platform.kubernetes;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.streamsmustflow.recovery.deployment.AppSettings;
import dev.streamsmustflow.recovery.deployment.DeploymentSpec;
import dev.streamsmustflow.recovery.deployment.Variant;
import dev.streamsmustflow.recovery.history.EventType;
import dev.streamsmustflow.recovery.history.FaultEvent;
import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.history.HistoryEvent;
import dev.streamsmustflow.recovery.history.RecoveryTimeline;
import dev.streamsmustflow.recovery.nemesis.Fault;
import dev.streamsmustflow.recovery.nemesis.FaultScope;
import dev.streamsmustflow.recovery.nemesis.InjectedFault;
import dev.streamsmustflow.recovery.platform.Capability;
import dev.streamsmustflow.recovery.platform.Deletion;
import dev.streamsmustflow.recovery.platform.DeployedApp;
import dev.streamsmustflow.recovery.platform.PlatformKind;
import dev.streamsmustflow.recovery.platform.PodView;
import dev.streamsmustflow.recovery.platform.ProcessSignal;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the Kubernetes platform does against an API server (fabric8's mock server in CRUD mode, which
 * stores objects but runs no controller: the test plays the StatefulSet controller and the kubelet).
 *
 * <p>The mock serves all connections from one Vert.x event loop, and a watch closed while the mock is
 * still sending it an event blocks that loop for 30 s ({@code WatchEventsListener.onClosed} awaits its
 * send executor, whose pending send awaits the loop): every request then times out. So no watch may
 * close with an event in flight. No container log is followed here, as {@code watchLog()} first runs a
 * throwaway informer on the pod whose watch it closes at once (and the mock has no logs to serve: it
 * answers {@code GET .../log} with every object it stores); the test records which logs the app would
 * follow instead. And the app, which closes its pod watch, is closed once that watch has delivered the
 * deletion of every pod.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class KubernetesDeployedAppTest {

    private static final String NAMESPACE = "recovery";

    KubernetesClient client;
    KubernetesMockServer server;

    @TempDir
    Path runDir;

    private final History history = new History();
    private final List<String> uids = new ArrayList<>();
    private final List<String> created = new CopyOnWriteArrayList<>();
    private final RecordedLogFollows logs = new RecordedLogFollows();
    private final ScriptedNode node = new ScriptedNode();
    private KubernetesPlatform platform;
    private DeployedApp app;

    @BeforeEach
    void deploy() {
        Assumptions.assumeTrue(Manifests.kubectlAvailable(), "kubectl not installed: " + Manifests.kubectlProblem());
        KubernetesPlatform.Settings settings = new KubernetesPlatform.Settings(PlatformKind.K3S, "fabric8 mock API server", NAMESPACE,
                "127.0.0.1:9", "kafka:19092", Map.of("kafka", "172.18.0.5"), "streams-must-flow/trade-stats:test", "Never");
        platform = new KubernetesPlatform(settings, client, node, runDir);
        DeploymentSpec spec = new DeploymentSpec(DeploymentSpec.APP_NAME, "mock-run", Variant.STATEFUL_SET, 3,
                DeploymentSpec.Topics.prefixedWith("mock"), AppSettings.exactlyOnce());
        app = new KubernetesDeployedApp(client, NAMESPACE, platform.render(spec), spec, history, node,
                runDir.resolve(spec.applicationId()).resolve("pods"), logs);
        for (int ordinal = 0; ordinal < 3; ordinal++) {
            uids.add(runPod("trade-stats-" + ordinal, "containerd://c" + ordinal));
        }
    }

    @AfterEach
    void tearDown() {
        if (app != null) {
            try {
                deleteAllPods();
            } finally {
                app.close();
                platform.close();
            }
        }
    }

    @Test
    void theRenderedManifestsAreAppliedWithTheRunsEdits() {
        StatefulSet statefulSet = client.apps().statefulSets().inNamespace(NAMESPACE).withName("trade-stats").get();

        assertNotNull(statefulSet, "the StatefulSet was created");
        assertEquals(3, statefulSet.getSpec().getReplicas());
        assertEquals("streams-must-flow/trade-stats:test",
                statefulSet.getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
        assertEquals("172.18.0.5", statefulSet.getSpec().getTemplate().getSpec().getHostAliases().get(0).getIp());
        assertNotNull(client.services().inNamespace(NAMESPACE).withName("trade-stats").get(), "the headless Service");
    }

    @Test
    void readinessIsTakenFromThePods() {
        app.awaitReady(Duration.ofSeconds(10));

        assertEquals(List.of("trade-stats-0", "trade-stats-1", "trade-stats-2"),
                app.pods().stream().map(PodView::name).toList());
        awaitLogFollowed("trade-stats-0", uids.get(0), 0);
        awaitLogFollowed("trade-stats-1", uids.get(1), 0);
        awaitLogFollowed("trade-stats-2", uids.get(2), 0);
    }

    @Test
    void podKillFreezesTheProcessDeletesThePodThenKillsTheProcessAndTheReplacementIsANewUid() throws Exception {
        app.awaitReady(Duration.ofSeconds(10));
        long pid = node.pidOf(uids.get(0));

        // POD_KILL acts on the app alone: no platform (broker) and no pause length in its scope
        InjectedFault fault = InjectedFault.start(Fault.POD_KILL, new FaultScope(app, null, history, Duration.ZERO));

        assertEquals(List.of(uids.get(0)), FaultEvent.of(fault.started()).targetUids());
        RecordedRequest delete = takeRequest("DELETE", "/api/v1/namespaces/recovery/pods/trade-stats-0");
        assertTrue(delete.getBody().readUtf8().contains("\"gracePeriodSeconds\":0"), "a delete with grace period 0");
        fault.awaitEnd(Duration.ofSeconds(10));
        assertEquals(List.of(uids.get(0) + "/trade-stats/STOP while the pod exists",
                pid + "/KILL once the pod is deleted"), node.signalled,
                "frozen before the delete, so that the kubelet's SIGTERM finds it unable to close; killed after it, "
                        + "so that the kubelet has no container to restart");
        List<HistoryEvent> exits = history.select(event -> event.is(EventType.CONTAINER_EXITED)
                && uids.get(0).equals(event.uid()));
        assertEquals(1, exits.size(), "one exit of the killed container, whatever the watch reported: " + exits);
        assertTrue(exits.get(0).time() >= node.killSentAt(pid), "the exit is timed from the kill (sent at "
                + node.killSentAt(pid) + "), not from the deletion event: " + exits.get(0));
        assertEquals(137L, exits.get(0).longField("exitCode"));
        HistoryEvent ended = history.select(event -> event.is(EventType.FAULT_ENDED)).get(0);
        assertTrue(node.goneConfirmedAt(pid) <= ended.time(), "the fault ends only once the node no longer has the "
                + "process (gone at " + node.goneConfirmedAt(pid) + ", " + ended + ")");

        await().atMost(Duration.ofSeconds(10)).until(() -> app.pods().size() == 2);
        String replacement = runPod("trade-stats-0", "containerd://c0b"); // the StatefulSet controller's replacement
        app.awaitReady(Duration.ofSeconds(10));
        assertEquals(replacement, app.pods().get(0).uid());
        assertTrue(!replacement.equals(uids.get(0)), "a new pod has a new uid");
        fault.awaitExpectation(app, Duration.ofSeconds(10));
        RecoveryTimeline timeline = RecoveryTimeline.derive(history, fault.started());
        assertEquals(exits.get(0).time(), timeline.processGone(), "the process was gone at the kill");
        assertEquals(replacement, timeline.replacementUid());
        awaitLogFollowed("trade-stats-0", replacement, 0);
    }

    @Test
    void aCrashWhosePodCannotBeDeletedLetsTheFrozenProcessGoOn() {
        app.awaitReady(Duration.ofSeconds(10));
        long pid = node.pidOf(uids.get(0));
        server.expect().delete().withPath("/api/v1/namespaces/recovery/pods/trade-stats-0")
                .andReturn(403, "forbidden: the harness may not delete pods here").once();

        assertThrows(KubernetesClientException.class, () -> app.deletePod(app.pods().get(0), Deletion.IMMEDIATE));

        assertEquals(List.of(uids.get(0) + "/trade-stats/STOP while the pod exists",
                pid + "/CONT while the pod exists"), node.signalled, "frozen, then let go on: never killed");
        assertEquals(List.of(), history.select(event -> event.is(EventType.CONTAINER_EXITED)), "no exit recorded");
    }

    @Test
    void withoutAccessToTheNodesAPodCannotBeCrashedOnlyDeleted() {
        KubernetesPlatform withoutNodes = new KubernetesPlatform(new KubernetesPlatform.Settings(PlatformKind.CLUSTER,
                "no nodes", NAMESPACE, "127.0.0.1:9", "kafka:19092", Map.of(), "image", "Never"), client, null, runDir);

        assertEquals(Set.of(Capability.DELETE_POD, Capability.SCALE), withoutNodes.kind().capabilities());
        assertTrue(platform.kind().capabilities().contains(Capability.CRASH_POD), "with the node: " + platform.kind());
    }

    @Test
    void podDeleteIsGraceful() throws Exception {
        app.awaitReady(Duration.ofSeconds(10));

        app.deletePod(app.pods().get(0), Deletion.GRACEFUL);

        RecordedRequest delete = takeRequest("DELETE", "/api/v1/namespaces/recovery/pods/trade-stats-0");
        String body = delete.getBody().readUtf8();
        assertTrue(!body.contains("\"gracePeriodSeconds\":0"), "the pod's own grace period applies: " + body);
    }

    @Test
    void containerKillGoesToTheNodeForTheTargetPod() {
        app.awaitReady(Duration.ofSeconds(10));

        app.killProcess(app.pods().get(0));

        assertEquals(List.of(uids.get(0) + "/trade-stats/KILL while the pod exists"), node.signalled);
        assertNotNull(client.pods().inNamespace(NAMESPACE).withName("trade-stats-0").get(), "the pod stays");
    }

    @Test
    void aContainerRestartIsRecordedWithItsExitCode() {
        app.awaitReady(Duration.ofSeconds(10));

        restartContainer("trade-stats-1", "containerd://c1", "containerd://c1b", 137);

        await("container-exited and container-started for the restart").atMost(Duration.ofSeconds(10)).until(() ->
                history.select(event -> uids.get(1).equals(event.uid())
                        && event.is(EventType.CONTAINER_STARTED)).size() == 2);
        HistoryEvent exited = history.select(event -> event.is(EventType.CONTAINER_EXITED)).get(0);
        assertEquals(uids.get(1), exited.uid());
        assertEquals(137L, exited.longField("exitCode"));
        assertEquals(1, app.pods().get(1).restarts());
        awaitLogFollowed("trade-stats-1", uids.get(1), 1);
    }

    @Test
    void scalingChangesTheWorkloadsReplicas() {
        app.awaitReady(Duration.ofSeconds(10));

        app.scaleTo(4);

        StatefulSet statefulSet = client.apps().statefulSets().inNamespace(NAMESPACE).withName("trade-stats").get();
        assertEquals(4, statefulSet.getSpec().getReplicas());
        assertEquals(4, app.wantedReplicas());
    }

    @Test
    void teardownRemovesWhatWasCreated() {
        deleteAllPods();

        app.close();

        assertNull(client.apps().statefulSets().inNamespace(NAMESPACE).withName("trade-stats").get());
        assertNull(client.services().inNamespace(NAMESPACE).withName("trade-stats").get());
        assertTrue(logs.closed, "the log follows end with the app");
        app = null;
        platform.close();
    }

    /** Deletes every pod, as the StatefulSet controller would, and waits until the app's pod watch has seen each go. */
    private void deleteAllPods() {
        client.pods().inNamespace(NAMESPACE).delete();
        await("the app's pod watch delivered the deletion of every pod created (uids not yet seen deleted)")
                .atMost(Duration.ofSeconds(10))
                .until(() -> {
                    List<String> deleted = history.select(event -> event.is(EventType.POD_DELETED)).stream()
                            .map(HistoryEvent::uid).toList();
                    return created.stream().filter(uid -> !deleted.contains(uid)).toList();
                }, List::isEmpty);
    }

    private void awaitLogFollowed(String pod, String uid, int restart) {
        String follow = pod + "/" + uid + "/" + restart;
        await("the app follows the log of " + follow + " (pod/uid/restart; the logs followed)")
                .atMost(Duration.ofSeconds(10))
                .until(() -> List.copyOf(logs.followed), followed -> followed.contains(follow));
    }

    private RecordedRequest takeRequest(String method, String path) throws InterruptedException {
        for (int i = 0; i < 200; i++) {
            RecordedRequest request = server.takeRequest(5, TimeUnit.SECONDS);
            if (request == null) {
                break;
            }
            if (request.getMethod().equals(method) && request.getPath().startsWith(path)) {
                return request;
            }
        }
        throw new AssertionError("no " + method + " " + path + " reached the API server");
    }

    /** Creates a pod as a controller and kubelet would: labelled, running, ready. Returns its uid. */
    private String runPod(String name, String containerId) {
        Pod pod = new PodBuilder()
                .withNewMetadata().withName(name).withNamespace(NAMESPACE)
                    .addToLabels(KubernetesDeployedApp.APP_LABEL, DeploymentSpec.APP_NAME).endMetadata()
                .withNewSpec().addNewContainer().withName("trade-stats").withImage("x").endContainer().endSpec()
                .withNewStatus().addNewContainerStatus().withName("trade-stats").withReady(true).withRestartCount(0)
                    .withContainerID(containerId).withNewState().withNewRunning().endRunning().endState()
                    .endContainerStatus().endStatus()
                .build();
        String uid = client.pods().inNamespace(NAMESPACE).resource(pod).create().getMetadata().getUid();
        created.add(uid);
        return uid;
    }

    private void restartContainer(String name, String oldId, String newId, int exitCode) {
        client.pods().inNamespace(NAMESPACE).withName(name).editStatus(pod -> new PodBuilder(pod)
                .editStatus().editContainerStatus(0).withRestartCount(1).withContainerID(newId)
                    .withNewLastState().withNewTerminated().withExitCode(exitCode).withContainerID(oldId).endTerminated()
                    .endLastState().endContainerStatus().endStatus()
                .build());
    }

    /**
     * The pods' node, scripted: the process of the n-th pod created has PID 4000 + n, and a killed process
     * is still there for the first two checks. Records each signal with whether its pod still existed at
     * the API server then.
     */
    private final class ScriptedNode implements ContainerSignals {

        private static final int CHECKS_UNTIL_GONE = 2;

        final List<String> signalled = new CopyOnWriteArrayList<>();
        private final Map<Long, Long> killSentAt = new ConcurrentHashMap<>();
        private final Map<Long, Long> goneConfirmedAt = new ConcurrentHashMap<>();
        private final Map<Long, Integer> checksAfterKill = new ConcurrentHashMap<>();

        long pidOf(String uid) {
            int index = created.indexOf(uid);
            assertTrue(index >= 0, "no pod with uid " + uid);
            return 4000 + index;
        }

        @Override
        public long send(String podUid, String containerName, ProcessSignal signal) {
            signalled.add(podUid + "/" + containerName + "/" + signal + (podExists(podUid) ? " while the pod exists"
                    : " once the pod is deleted"));
            return pidOf(podUid);
        }

        @Override
        public boolean send(long pid, ProcessSignal signal) {
            String uid = created.get((int) (pid - 4000));
            signalled.add(pid + "/" + signal + (podExists(uid) ? " while the pod exists" : " once the pod is deleted"));
            if (signal == ProcessSignal.KILL) {
                killSentAt.put(pid, System.currentTimeMillis());
            }
            return true;
        }

        @Override
        public boolean exists(long pid) {
            if (!killSentAt.containsKey(pid)) {
                return true;
            }
            int checks = checksAfterKill.merge(pid, 1, Integer::sum);
            if (checks > CHECKS_UNTIL_GONE) {
                goneConfirmedAt.putIfAbsent(pid, System.currentTimeMillis());
                return false;
            }
            return true;
        }

        long killSentAt(long pid) {
            return killSentAt.get(pid);
        }

        long goneConfirmedAt(long pid) {
            Long gone = goneConfirmedAt.get(pid);
            assertNotNull(gone, "process " + pid + " was never confirmed gone");
            return gone;
        }

        private boolean podExists(String uid) {
            return client.pods().inNamespace(NAMESPACE).list().getItems().stream()
                    .anyMatch(pod -> uid.equals(pod.getMetadata().getUid()));
        }
    }

    /** Which container logs the app follows: pod/uid/restart, in order. */
    private static final class RecordedLogFollows implements KubernetesDeployedApp.LogFollower {

        final List<String> followed = new CopyOnWriteArrayList<>();
        volatile boolean closed;

        @Override
        public void follow(String pod, String uid, int restart) {
            followed.add(pod + "/" + uid + "/" + restart);
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
