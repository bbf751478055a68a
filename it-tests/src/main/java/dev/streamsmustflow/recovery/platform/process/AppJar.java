package dev.streamsmustflow.recovery.platform.process;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the jars a pod's JVM is launched from are: the application's runnable jar, the recovery agent (the
 * {@code agent} module, which the platforms attach to a described app) and the harness's own classes.
 */
public final class AppJar {

    static final String PROPERTY = "trade-stats.jar";
    static final String AGENT_PROPERTY = "recovery-agent.jar";

    private AppJar() {
    }

    public static Path location() {
        return built(PROPERTY, "../app/target/trade-stats.jar", "the application jar", "app");
    }

    /** The recovery agent's jar, which gives a described app trade-stats' telemetry without a change to its code. */
    public static Path agent() {
        return built(AGENT_PROPERTY, "../agent/target/recovery-agent.jar", "the recovery agent", "agent");
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
