package dev.streamsmustflow.recovery.platform.process;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

/**
 * Runs another main class and exits when the parent process goes away.
 *
 * <p>Usage: {@code ParentWatchdog <mainClass> <args...>}. The parent keeps this process's stdin
 * open as a pipe and never writes to it. When the parent dies, even by SIGKILL, the kernel closes
 * the pipe, the read here sees end-of-file and the process exits: a harness that is killed leaves
 * no broker or application JVM behind. Java has no portable "die with the parent" (no
 * {@code PR_SET_PDEATHSIG}), and a shutdown hook in the parent does not run on SIGKILL.
 *
 * <p>The wrapped main class must not read stdin itself, and its main method must run as long as its
 * program does (Kafka's and the app's do): once it returns, the watch ends with it.
 */
public final class ParentWatchdog {

    /** Exit status when the parent went away, distinct from the wrapped program's own statuses. */
    public static final int PARENT_GONE_EXIT_STATUS = 86;

    /**
     * {@link System#exit} runs shutdown hooks, so a broker still shuts down cleanly; if a hook hangs,
     * the process is halted after this long so that nothing outlives its parent for good.
     */
    static final long HALT_AFTER_MILLIS = 30_000;

    private ParentWatchdog() {
    }

    public static void main(String[] args) throws Throwable {
        if (args.length == 0) {
            System.err.println("usage: ParentWatchdog <mainClass> [args...]");
            System.exit(2);
        }
        Method main = publicStaticMain(args[0]);
        CompletableFuture<Void> parentGone = new CompletableFuture<>();
        Thread watcher = new Thread(() -> awaitEndOf(System.in, parentGone), "parent-watchdog");
        watcher.setDaemon(true);
        watcher.start();
        CompletableFuture<Void> program = new CompletableFuture<>();
        Thread runner = new Thread(() -> runWrapped(main, Arrays.copyOfRange(args, 1, args.length), program), "main");
        runner.start();
        CompletableFuture.anyOf(program, parentGone).exceptionally(error -> null).join();
        if (program.isCompletedExceptionally()) {
            try {
                program.join();
            } catch (CompletionException e) {
                throw e.getCause();
            }
        }
        if (parentGone.isDone()) {
            System.err.println("ParentWatchdog: stdin closed, the parent is gone; exiting");
            // System.exit runs shutdown hooks; should one hang, halt at the deadline.
            Executors.newSingleThreadScheduledExecutor(daemon("parent-watchdog-halt"))
                    .schedule(() -> Runtime.getRuntime().halt(PARENT_GONE_EXIT_STATUS), HALT_AFTER_MILLIS, TimeUnit.MILLISECONDS);
            System.exit(PARENT_GONE_EXIT_STATUS);
        }
        // The wrapped main returned: the JVM lives on as long as its non-daemon threads do.
    }

    private static void runWrapped(Method main, String[] args, CompletableFuture<Void> done) {
        try {
            main.invoke(null, (Object) args);
            done.complete(null);
        } catch (InvocationTargetException e) {
            done.completeExceptionally(e.getCause());
        } catch (ReflectiveOperationException | RuntimeException | Error e) {
            done.completeExceptionally(e);
        }
    }

    private static ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    private static Method publicStaticMain(String className) throws ReflectiveOperationException {
        Method main = Class.forName(className).getMethod("main", String[].class);
        if (!Modifier.isStatic(main.getModifiers())) {
            throw new NoSuchMethodException(className + ".main(String[]) is not static");
        }
        return main;
    }

    private static void awaitEndOf(InputStream parentPipe, CompletableFuture<Void> parentGone) {
        byte[] ignored = new byte[256];
        try {
            while (parentPipe.read(ignored) >= 0) {
                // The parent never writes; bytes that arrive anyway carry no meaning.
            }
        } catch (IOException e) {
            // A broken pipe means the same as end-of-file: the parent is gone.
        }
        parentGone.complete(null);
    }
}
