package dev.streamsmustflow.recovery.platform.local;

import dev.streamsmustflow.recovery.deployment.DeploymentSpec;
import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.platform.DeployedApp;
import dev.streamsmustflow.recovery.platform.Platform;
import dev.streamsmustflow.recovery.platform.local.kafka.LocalKafkaBroker;
import dev.streamsmustflow.recovery.platform.process.AppJar;
import dev.streamsmustflow.recovery.report.Environment;
import java.nio.file.Path;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;

/**
 * The embedded default platform: a real Kafka broker and the application's pods as child JVMs on
 * this machine, with StatefulSet and Deployment semantics played by {@link LocalController}. It
 * needs no Docker and no Kubernetes, and says so in every result.
 */
public final class LocalPlatform implements Platform {

    private final Path runDir;
    private final LocalKafkaBroker kafka;

    private LocalPlatform(Path runDir, LocalKafkaBroker kafka) {
        this.runDir = runDir;
        this.kafka = kafka;
    }

    /** Starts the broker; everything of this platform lives under {@code runDir}. */
    public static LocalPlatform start(Path runDir) {
        AppJar.location(); // fail before starting anything when the app is not built
        return new LocalPlatform(runDir, LocalKafkaBroker.start(runDir.resolve("kafka")));
    }

    @Override
    public String name() {
        return "local";
    }

    @Override
    public String description() {
        return "local: Apache Kafka " + Environment.kafkaClientsVersion()
                + " (KRaft, one broker, child JVM) and the app's pods as child JVMs on this machine; "
                + "StatefulSet and Deployment semantics are simulated, this is not Kubernetes";
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
    public DeployedApp deploy(DeploymentSpec spec, History history) {
        return new LocalController(spec, kafka.bootstrapServers(), runDir.resolve(spec.applicationId()), history);
    }

    public Path kafkaLog() {
        return kafka.logFile();
    }

    @Override
    public void close() {
        kafka.close();
    }
}
