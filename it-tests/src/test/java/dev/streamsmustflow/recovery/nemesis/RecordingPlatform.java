package dev.streamsmustflow.recovery.nemesis;

import dev.streamsmustflow.recovery.deployment.DeploymentSpec;
import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.platform.DeployedApp;
import dev.streamsmustflow.recovery.platform.Platform;
import dev.streamsmustflow.recovery.platform.PlatformKind;
import org.apache.kafka.clients.admin.Admin;

/** A platform without Kafka whose broker restart is an operation recorded by the {@link RecordingApp} it runs. */
final class RecordingPlatform implements Platform {

    private final RecordingApp app;

    RecordingPlatform(RecordingApp app) {
        this.app = app;
    }

    @Override
    public PlatformKind kind() {
        return PlatformKind.LOCAL;
    }

    @Override
    public String description() {
        return "records what faults ask of it";
    }

    @Override
    public String bootstrapServers() {
        throw new UnsupportedOperationException("no Kafka here");
    }

    @Override
    public Admin admin() {
        throw new UnsupportedOperationException("no Kafka here");
    }

    @Override
    public void restartBroker(History history) {
        app.recordOperation("restart broker");
    }

    @Override
    public DeployedApp deploy(DeploymentSpec spec, History history) {
        return app;
    }

    @Override
    public void close() {
        app.recordOperation("close platform");
    }
}
