package dev.streamsmustflow.recovery.report.render;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** A headless Chromium that loads a page, runs its scripts and hands back the DOM or a screenshot. */
final class HeadlessChromium {

    private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome",
            "google-chrome-stable");
    /** Names the browser to use where it is not on the PATH under a usual name (as Karma and Puppeteer read it). */
    static final String BROWSER_VARIABLE = "CHROME_BIN";
    private static final long TIMEOUT_SECONDS = 120;

    private final Path binary;
    private final Path workDir;

    private HeadlessChromium(Path binary, Path workDir) {
        this.binary = binary;
        this.workDir = workDir;
    }

    /**
     * The browser {@value #BROWSER_VARIABLE} names, else the first Chromium or Chrome on the PATH. A snap
     * is left out: its confinement gives it a /tmp of its own, where the page under test is not.
     */
    static Optional<HeadlessChromium> find(Path workDir) {
        String named = System.getenv(BROWSER_VARIABLE);
        if (named != null && !named.isBlank()) {
            Path binary = Path.of(named.strip());
            if (!Files.isExecutable(binary)) {
                throw new IllegalStateException(BROWSER_VARIABLE + "=" + named + " names no executable file");
            }
            return Optional.of(new HeadlessChromium(binary, workDir));
        }
        for (String directory : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
            for (String name : NAMES) {
                Path candidate = Path.of(directory, name);
                if (Files.isExecutable(candidate) && !realPath(candidate).contains("/snap/")) {
                    return Optional.of(new HeadlessChromium(candidate, workDir));
                }
            }
        }
        return Optional.empty();
    }

    /** The DOM after the page's scripts ran. */
    String dumpDom(Path page) throws IOException, InterruptedException {
        Path dom = workDir.resolve("dom.html");
        run(List.of("--dump-dom", page.toUri().toString()), dom);
        return Files.readString(dom, StandardCharsets.UTF_8);
    }

    void screenshot(Path page, Path png) throws IOException, InterruptedException {
        run(List.of("--screenshot=" + png.toAbsolutePath(), page.toUri().toString()), workDir.resolve("screenshot.out"));
    }

    private void run(List<String> arguments, Path stdout) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(binary.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + workDir.resolve("profile"), "--window-size=1400,2000",
                // lets the page's timers run before the DOM is taken, without waiting for them in real time
                "--virtual-time-budget=10000"));
        command.addAll(arguments);
        Path stderr = workDir.resolve("chromium.err");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(binary + " did not finish within " + TIMEOUT_SECONDS + " s; see " + stderr);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(binary + " exited with " + process.exitValue() + ": " + Files.readString(stderr));
        }
    }

    private static String realPath(Path path) {
        try {
            return path.toRealPath().toString();
        } catch (IOException e) {
            return path.toString();
        }
    }

    @Override
    public String toString() {
        return binary.toString();
    }
}
