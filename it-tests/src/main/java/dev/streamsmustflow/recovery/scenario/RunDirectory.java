package dev.streamsmustflow.recovery.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** Where one run keeps its logs, configs and data: {@code target/it-runs/<name>-<timestamp>}. */
public final class RunDirectory {

    /** Set by the build to the module's {@code target/it-runs}; the fallback suits an IDE run. */
    static final String ROOT_PROPERTY = "it-runs.dir";

    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS");

    private RunDirectory() {
    }

    public static Path create(String name) {
        if (!name.matches("[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("run name must be a plain file name, got '" + name + "'");
        }
        Path root = Path.of(System.getProperty(ROOT_PROPERTY, "target/it-runs"));
        Path dir = root.resolve(name + "-" + LocalDateTime.now().format(TIMESTAMP)).toAbsolutePath();
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("could not create run directory " + dir, e);
        }
    }
}
