package dev.streamsmustflow.recovery.cli;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Sends what the harness's libraries write to the console — Kafka clients' INFO logs and
 * configuration dumps through slf4j-simple, which writes to {@link System#err} as it is at each
 * call — into a log file of the run, so that the command prints only its own lines. Undone on close.
 */
final class HarnessLog implements AutoCloseable {

    private final Path file;
    private final PrintStream log;
    private final PrintStream stdout;
    private final PrintStream stderr;

    private HarnessLog(Path file, PrintStream log) {
        this.file = file;
        this.log = log;
        this.stdout = System.out;
        this.stderr = System.err;
        System.setOut(log);
        System.setErr(log);
    }

    static HarnessLog redirectTo(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            return new HarnessLog(file, new PrintStream(new FileOutputStream(file.toFile(), true), true,
                    StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the harness log " + file, e);
        }
    }

    Path file() {
        return file;
    }

    @Override
    public void close() {
        System.setOut(stdout);
        System.setErr(stderr);
        log.close();
    }
}
