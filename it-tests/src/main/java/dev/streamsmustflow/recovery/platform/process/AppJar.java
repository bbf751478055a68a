package dev.streamsmustflow.recovery.platform.process;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the jars a pod's JVM is launched from are: the application's runnable jar, the recovery agent (the
 * {@code agent} module, which the platforms attach to a described app) and the harness's own classes.
 */
public final class AppJar {

    static final String PROPERTY = "trade-stats.jar";
    static final String AGENT_PROPERTY = "recovery-agent.jar";
    /** The agent's premain class, as a resource: found without loading it. */
    private static final String AGENT_CLASS_FILE = "dev/streamsmustflow/agent/RecoveryAgent.class";

    private AppJar() {
    }

    public static Path location() {
        return built(PROPERTY, "../app/target/trade-stats.jar", "the application jar", "app");
    }

    /**
     * The recovery agent's jar, which gives a described app trade-stats' telemetry without a change to its code: where
     * {@code -Drecovery-agent.jar} says, else the one on this JVM's class path (a build that depends on the harness
     * has it there, from its Maven repository), else where the agent module builds it.
     */
    public static Path agent() {
        if (System.getProperty(AGENT_PROPERTY) == null) {
            Path onClassPath = agentOnClassPath();
            if (onClassPath != null) {
                return onClassPath;
            }
        }
        return built(AGENT_PROPERTY, "../agent/target/recovery-agent.jar", "the recovery agent", "agent");
    }

    /** The jar that holds the agent's premain class, or null where none on this JVM's class path does. */
    static Path agentOnClassPath() {
        URL premain = AppJar.class.getClassLoader().getResource(AGENT_CLASS_FILE);
        if (premain == null || !"jar".equals(premain.getProtocol())) {
            return null;
        }
        try {
            return Path.of(((JarURLConnection) premain.openConnection()).getJarFileURL().toURI());
        } catch (IOException | URISyntaxException e) {
            throw new IllegalStateException("the recovery agent is on the class path at " + premain
                    + " but its jar cannot be named: " + e.getMessage(), e);
        }
    }

    /** The directory or jar holding {@link ParentWatchdog}, which wraps every pod's main class. */
    public static Path harnessClasses() {
        try {
            return Path.of(ParentWatchdog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A jar the build makes, where {@code property} says or else where the module builds it. */
    private static Path built(String property, String defaultPath, String what, String module) {
        Path jar = Path.of(System.getProperty(property, defaultPath)).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(what + " " + jar + " does not exist: build it first with ./mvnw -pl "
                    + module + " -am package (or set -D" + property + "=<path>)");
        }
        return jar;
    }
}
