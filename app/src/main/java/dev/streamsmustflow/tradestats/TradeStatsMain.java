package dev.streamsmustflow.tradestats;

import dev.streamsmustflow.telemetry.TelemetryEvent;
import dev.streamsmustflow.telemetry.TelemetryField;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * The process: configuration from the environment, exit codes, and signals. Exit 0 after a clean
 * SIGTERM, 1 after a fatal error or an unclean close, 2 for invalid configuration.
 */
public final class TradeStatsMain {

    static final int EXIT_OK = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_INVALID_CONFIGURATION = 2;

    private TradeStatsMain() {
    }

    public static void main(String[] args) {
        Run run = new Run();
        int code = run.execute(System.getenv(), System.out, System.err);
        if (run.shutdownRequested.isDone()) {
            // The JVM is shutting down (SIGTERM): System.exit would block behind the shutdown hook,
            // and without a halt the JVM would exit 143 whatever the close achieved.
            Runtime.getRuntime().halt(code);
        }
        System.exit(code);
    }

    static int run(Map<String, String> env, PrintStream out, PrintStream err) {
        return new Run().execute(env, out, err);
    }

    /** One run of the process; the shutdown hook only asks it to stop and waits until it has. */
    private static final class Run {

        final CompletableFuture<Void> shutdownRequested = new CompletableFuture<>();
        private final Thread runner = Thread.currentThread();

        int execute(Map<String, String> env, PrintStream out, PrintStream err) {
            AppConfig config;
            try {
                config = AppConfig.fromEnv(env);
            } catch (InvalidSettingException e) {
                err.println("invalid configuration: " + e.getMessage());
                return EXIT_INVALID_CONFIGURATION;
            }
            TradeStatsApplication app;
            try {
                app = TradeStatsApplication.start(config, config.writesTelemetry() ? out
                        : new PrintStream(OutputStream.nullOutputStream(), true, StandardCharsets.UTF_8));
            } catch (Exception e) {
                err.println("cannot start: " + e);
                return EXIT_FAILED;
            }
            Thread hook = new Thread(() -> {
                shutdownRequested.complete(null);
                awaitClosed(config);
            }, "shutdown");
            Runtime.getRuntime().addShutdownHook(hook);
            CompletableFuture.anyOf(app.fatalError(), shutdownRequested).join();
            if (shutdownRequested.isDone()) {
                app.telemetry().emit(TelemetryEvent.SHUTDOWN_REQUESTED, Map.of(TelemetryField.SIGNAL, "TERM"));
                boolean clean = app.closeCleanly();
                out.flush();
                return clean ? EXIT_OK : EXIT_FAILED;
            }
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shutdownInProgress) {
                // SIGTERM arrived with the error: main halts with this code, as after any SIGTERM.
            }
            err.println("fatal error, exiting so that the platform restarts the instance: " + app.fatalError().join());
            app.closeCleanly();
            return EXIT_FAILED;
        }

        /** Keeps the JVM from finishing its shutdown while main closes the application (main then halts). */
        private void awaitClosed(AppConfig config) {
            try {
                runner.join(config.shutdownTimeout().toMillis() + 10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
