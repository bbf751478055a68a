package dev.streamsmustflow.examples.wordcount;

import java.util.List;
import java.util.Random;
import java.util.StringJoiner;
import java.util.function.Supplier;

/**
 * Endless input for the word count, made from a seed: a sentence of 3 to 8 words from a 24-word vocabulary per
 * record, keyed {@code s<n>}, 10 ms apart. A descriptor names it as its input's generator
 * ({@code recovery-app-generated.yaml}): the harness makes one with the run's seed and asks it for one record at a
 * time, as one JSON line of the input file format. It needs nothing but the JDK.
 */
public final class SentenceGenerator implements Supplier<String> {

    static final List<String> VOCABULARY = List.of("broker", "changelog", "commit", "count", "delete", "flow", "kill",
            "lag", "must", "offset", "partition", "pod", "ready", "rebalance", "replica", "restore", "standby", "state",
            "store", "streams", "task", "topic", "volume", "window");
    /** Any fixed start: the harness moves every timestamp so that the first is an hour before its run. */
    static final long FIRST_TIMESTAMP = 1_796_601_600_000L;
    static final long STEP_MS = 10;

    private final Random random;
    private long next;

    public SentenceGenerator(long seed) {
        this.random = new Random(seed);
    }

    @Override
    public String get() {
        long n = next++;
        int words = 3 + random.nextInt(6);
        StringJoiner sentence = new StringJoiner(" ");
        for (int i = 0; i < words; i++) {
            sentence.add(VOCABULARY.get(random.nextInt(VOCABULARY.size())));
        }
        return "{\"key\": \"s" + n + "\", \"value\": \"" + sentence + "\", \"timestamp\": "
                + (FIRST_TIMESTAMP + n * STEP_MS) + "}";
    }
}
