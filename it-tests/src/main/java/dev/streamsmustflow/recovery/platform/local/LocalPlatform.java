package dev.streamsmustflow.recovery.platform.local;

import dev.streamsmustflow.recovery.deployment.DeploymentSpec;
import dev.streamsmustflow.recovery.deployment.ShippedManifests;
import dev.streamsmustflow.recovery.deployment.descriptor.AppArtifacts;
import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.platform.ClasspathVersions;
import dev.streamsmustflow.recovery.platform.DeployedApp;
import dev.streamsmustflow.recovery.platform.Platform;
import dev.streamsmustflow.recovery.platform.PlatformKind;
import dev.streamsmustflow.recovery.platform.ProcessMemory;
import dev.streamsmustflow.recovery.platform.controller.PodController;
import dev.streamsmustflow.recovery.platform.local.kafka.LocalKafkaBroker;
import dev.streamsmustflow.recovery.platform.process.JarLaunch;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.apache.kafka.clients.admin.Admin;

/**
 * The embedded default platform: a real Kafka broker and the application's pods as child JVMs on
 * this machine, with StatefulSet and Deployment semantics played by a {@link PodController}. It
 * needs no Docker and no Kubernetes, and says so in every result.
 */
public final class LocalPlatform implements Platform {

    private final Path runDir;
    private final LocalKafkaBroker kafka;
    private final Duration terminationGrace;
    private final PodJvm podJvm;

    private LocalPlatform(Path runDir, LocalKafkaBroker kafka, Duration terminationGrace, PodJvm podJvm) {
        this.runDir = runDir;
        this.kafka = kafka;
        this.terminationGrace = terminationGrace;
        this.podJvm = podJvm;
    }

    /** Starts the broker, for measurements; everything of this platform lives under {@code runDir}. */
    public static LocalPlatform start(Path runDir) {
        return start(runDir, PodJvm.FULL_JIT);
    }

    /** Starts the broker; the pods' JVMs will run as {@code podJvm} says. */
    public static LocalPlatform start(Path runDir, PodJvm podJvm) {
        Duration terminationGrace = ShippedManifests.terminationGrace();
        return new LocalPlatform(runDir, LocalKafkaBroker.start(runDir.resolve("kafka")), terminationGrace, podJvm);
    }

    @Override
    public PlatformKind kind() {
        return PlatformKind.LOCAL;
    }

    @Override
    public String description() {
        return "local: Apache Kafka " + ClasspathVersions.kafkaClients()
                + " (KRaft, one broker, child JVM) and the app's pods as child JVMs on this machine; "
                + "StatefulSet and Deployment semantics are simulated, this is not Kubernetes; pod JVMs with "
                + podJvm.description();
    }

    @Override
    public String bootstrapServers() {
        return kafka.bootstrapServers();
    }

    @Override
    public Admin admin() {
        return kafka.admin();
    }

    @Override
    public void restartBroker(History history) {
        kafka.restart(history, kafka.bootstrapServers());
    }

    @Override
    public ProcessMemory brokerMemory() {
        Path status = Path.of("/proc", Long.toString(kafka.pid()), "status");
        try {
            return ProcessMemory.ofProcStatus(Files.readString(status), "the broker's JVM");
        } catch (IOException e) {
            return ProcessMemory.unmeasured("cannot read " + status + ": " + e);
        }
    }

    /** A described app's jar's {@code Implementation-Version}: what the local platform runs. */
    @Override
    public String declaredVersion(AppArtifacts app) {
        return app.jar() == null ? null : JarLaunch.versionOf(Path.of(app.jar()));
    }

    @Override
    public DeployedApp deploy(DeploymentSpec spec, History history) {
        LocalPodRuntime runtime = new LocalPodRuntime(spec, kafka.bootstrapServers(), runDir.resolve(spec.applicationId()),
                history, podJvm);
        return new PodController(spec, runtime, history, terminationGrace);
    }

    @Override
    public void close() {
        kafka.close();
    }
}
