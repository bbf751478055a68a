package dev.streamsmustflow.recovery.platform.process;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the application's runnable jar and the harness's own classes are, for launching pods. */
public final class AppJar {

    static final String PROPERTY = "trade-stats.jar";

    private AppJar() {
    }

    public static Path location() {
        Path jar = Path.of(System.getProperty(PROPERTY, "../app/target/trade-stats.jar")).toAbsolutePath().normalize();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException("the application jar " + jar + " does not exist: build it first with "
                    + "./mvnw -pl app package (or set -D" + PROPERTY + "=<path>)");
        }
        return jar;
    }

    /** The directory or jar holding {@link ParentWatchdog}, which wraps every pod's main class. */
    public static Path harnessClasses() {
        try {
            return Path.of(ParentWatchdog.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
