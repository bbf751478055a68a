package dev.streamsmustflow.tradestats;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.ExecutionException;

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
        System.exit(run(System.getenv(), System.out, System.err));
    }

    static int run(Map<String, String> env, PrintStream out, PrintStream err) {
        AppConfig config;
        try {
            config = AppConfig.fromEnv(env);
        } catch (InvalidSettingException e) {
            err.println("invalid configuration: " + e.getMessage());
            return EXIT_INVALID_CONFIGURATION;
        }
        TradeStatsApplication app;
        try {
            app = TradeStatsApplication.start(config, out);
        } catch (Exception e) {
            err.println("cannot start: " + e);
            return EXIT_FAILED;
        }
        // The JVM answers SIGTERM by running shutdown hooks and exiting 143. A clean close is not a
        // failure, so the hook closes the application and halts with the code the close deserves.
        Thread hook = new Thread(() -> {
            app.telemetry().emit("shutdown-requested", Map.of("signal", "TERM"));
            boolean clean = app.closeCleanly();
            out.flush();
            Runtime.getRuntime().halt(clean ? EXIT_OK : EXIT_FAILED);
        }, "shutdown");
        Runtime.getRuntime().addShutdownHook(hook);
        Throwable error;
        try {
            error = app.fatalError().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = e;
        } catch (ExecutionException e) {
            error = e.getCause();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException shutdownInProgress) {
            return EXIT_FAILED; // the hook is closing the application and will halt the JVM
        }
        err.println("fatal error, exiting so that the platform restarts the instance: " + error);
        app.closeCleanly();
        return EXIT_FAILED;
    }
}
