package dev.streamsmustflow.recovery.platform.process;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The recovery agent's jar (the {@code agent} module), which the platforms attach to a described app so that it
 * writes the same telemetry as trade-stats without a change to its code.
 */
public final class RecoveryAgentJar {

    static final String PROPERTY = "recovery-agent.jar";

    private RecoveryAgentJar() {
    }

    public static Path location() {
        Path jar = Path.of(System.getProperty(PROPERTY, "../agent/target/recovery-agent.jar")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the recovery agent " + jar + " does not exist: build it first with "
                    + "./mvnw -pl agent -am package (or set -D" + PROPERTY + "=<path>)");
        }
        return jar;
    }

    /** {@code -javaagent:<jar>=instance=<name>}: the agent reports its instance under {@code instance}. */
    public static String javaAgentOption(String instance) {
        return "-javaagent:" + location() + "=instance=" + instance;
    }
}
