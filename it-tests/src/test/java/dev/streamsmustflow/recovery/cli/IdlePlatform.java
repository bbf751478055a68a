package dev.streamsmustflow.recovery.cli;

import dev.streamsmustflow.recovery.deployment.DeploymentSpec;
import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.platform.DeployedApp;
import dev.streamsmustflow.recovery.platform.Platform;
import dev.streamsmustflow.recovery.platform.PlatformKind;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;

/** A platform that starts nothing, for a command whose scenarios are played by a test; it knows whether it was closed. */
final class IdlePlatform implements Platform {

    final AtomicBoolean closed = new AtomicBoolean();

    @Override
    public PlatformKind kind() {
        return PlatformKind.LOCAL;
    }

    @Override
    public String description() {
        return "idle: a test's stand-in that runs nothing";
    }

    @Override
    public String bootstrapServers() {
        throw new UnsupportedOperationException("the idle platform has no Kafka");
    }

    @Override
    public Admin admin() {
        throw new UnsupportedOperationException("the idle platform has no Kafka");
    }

    @Override
    public DeployedApp deploy(DeploymentSpec spec, History history) {
        throw new UnsupportedOperationException("the idle platform deploys nothing");
    }

    @Override
    public void close() {
        closed.set(true);
    }
}
