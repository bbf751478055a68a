package dev.streamsmustflow.tradestats;

import java.time.Duration;
import java.util.Objects;

/**
 * Everything the topology depends on. Window size and advance are fixed by the talk the project
 * follows (5 s windows advancing by 1 s); grace and store retention are settings.
 *
 * @param storeRetention how long the window store keeps a window; at least window size + grace.
 *     Longer retention keeps more windows in the store and so makes a larger state to restore.
 */
public record TopologySettings(
        String inputTopic,
        String outputTopic,
        String deadLetterTopic,
        Duration grace,
        Duration storeRetention) {

    public static final Duration WINDOW_SIZE = Duration.ofSeconds(5);
    public static final Duration WINDOW_ADVANCE = Duration.ofSeconds(1);
    public static final String STORE_NAME = "trade-aggregates";

    public TopologySettings {
        Objects.requireNonNull(inputTopic, "inputTopic");
        Objects.requireNonNull(outputTopic, "outputTopic");
        Objects.requireNonNull(deadLetterTopic, "deadLetterTopic");
        if (grace.isNegative()) {
            throw new IllegalArgumentException("grace must not be negative, was " + grace);
        }
        if (storeRetention.compareTo(minimumRetention(grace)) < 0) {
            throw new IllegalArgumentException("store retention must be at least window size + grace ("
                    + minimumRetention(grace).toMillis() + " ms), was " + storeRetention.toMillis() + " ms");
        }
    }

    public static Duration minimumRetention(Duration grace) {
        return WINDOW_SIZE.plus(grace);
    }

    public static TopologySettings defaults() {
        Duration grace = Duration.ofSeconds(5);
        return new TopologySettings("trades", "trade-stats", "trades-dead-letter", grace, minimumRetention(grace));
    }
}
