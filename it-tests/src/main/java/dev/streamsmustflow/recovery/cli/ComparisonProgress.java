package dev.streamsmustflow.recovery.cli;

import java.io.PrintWriter;
import java.time.Duration;

/**
 * Tells where a long comparison is: which scenario of how many, its phase, the time elapsed and an
 * estimate of what is left (from the scenarios finished so far).
 */
final class ComparisonProgress {

    private final PrintWriter out;
    private final int total;
    private final long startedNanos = System.nanoTime();
    private int finished;
    private String current = "";

    ComparisonProgress(PrintWriter out, int total) {
        this.out = out;
        this.total = total;
    }

    void starting(String scenario) {
        current = scenario;
        phase("starting");
    }

    void phase(String phase) {
        out.printf("[%d/%d %s elapsed, %s] %s: %s%n", finished + 1, total, format(elapsed()), estimate(), current, phase);
        out.flush();
    }

    void finished(String outcome) {
        finished++;
        out.printf("[%d/%d %s elapsed] %s: %s%n", finished, total, format(elapsed()), current, outcome);
        out.flush();
    }

    Duration elapsed() {
        return Duration.ofNanos(System.nanoTime() - startedNanos);
    }

    private String estimate() {
        if (finished == 0) {
            return "estimate after the first scenario";
        }
        Duration perScenario = elapsed().dividedBy(finished);
        return "about " + format(perScenario.multipliedBy(total - finished)) + " left";
    }

    static String format(Duration duration) {
        long seconds = duration.toSeconds();
        return String.format("%d:%02d", seconds / 60, seconds % 60);
    }
}
