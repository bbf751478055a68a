package dev.streamsmustflow.recovery.scenario;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The commit of the project's source tree the harness runs from, as git tells it in the working directory
 * ({@code ./compare} runs from the repository's root, the suites from {@code it-tests/}), with {@code +changes}
 * where tracked files differ from it: what a reader needs to run the same code again. Null where git or the
 * repository is missing (a copy of the jars elsewhere): a result then does not say, rather than guess.
 */
public final class SourceCommit {

    private static final long TIMEOUT_SECONDS = 10;
    private static String cached;
    private static boolean known;

    private SourceCommit() {
    }

    /** The commit, {@code <sha>} or {@code <sha>+changes}; null where it cannot be told. Asked once per JVM. */
    public static synchronized String current() {
        if (!known) {
            cached = ask();
            known = true;
        }
        return cached;
    }

    private static String ask() {
        String head = git("rev-parse", "HEAD");
        if (head == null || !head.matches("[0-9a-f]{40}")) {
            return null;
        }
        String changes = git("status", "--porcelain", "--untracked-files=no");
        return changes == null ? null : changes.isEmpty() ? head : head + "+changes";
    }

    private static String git(String... arguments) {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(arguments));
        try {
            Process git = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (!git.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                git.destroyForcibly();
                return null;
            }
            return git.exitValue() == 0 ? out : null;
        } catch (IOException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }
}
