package dev.streamsmustflow.recovery.workload.replay;

import java.util.Random;
import java.util.function.Supplier;

/** Generators as a user would write them (the JDK alone), for GeneratedRecordsTest, which jars them. */
public final class GeneratorFixtures {

    static final Class<?>[] ALL = {GeneratorFixtures.class, CountingGenerator.class, NotAGenerator.class,
        SeedlessGenerator.class, TwoRecordsGenerator.class, BrokenLineGenerator.class, HiddenGenerator.class,
        StartedGenerator.class};

    private GeneratorFixtures() {
    }

    /** Keys {@code k<n>}, values from the seed, 100 ms apart from a fixed start. */
    public static final class CountingGenerator implements Supplier<String> {

        private final Random random;
        private long n;

        public CountingGenerator(long seed) {
            random = new Random(seed);
        }

        @Override
        public String get() {
            long i = n++;
            return "{\"key\": \"k" + i + "\", \"value\": " + random.nextInt(1_000) + ", \"timestamp\": "
                    + (1_000_000 + 100 * i) + "}";
        }
    }

    /**
     * Values that carry their own event time, as trade-stats' trades do: made with the start, stamped 10 ms apart
     * from it with a value that is the timestamp; it also has the seed-only constructor, which the harness passes over.
     */
    public static final class StartedGenerator implements Supplier<String> {

        private long next;

        public StartedGenerator(long seed) {
            this(seed, 0);
        }

        public StartedGenerator(long seed, long startMs) {
            next = startMs;
        }

        @Override
        public String get() {
            long time = next;
            next += 10;
            return "{\"key\": \"k\", \"value\": " + time + ", \"timestamp\": " + time + "}";
        }
    }

    public static final class NotAGenerator {

        public NotAGenerator(long seed) {
        }
    }

    public static final class SeedlessGenerator implements Supplier<String> {

        @Override
        public String get() {
            return "{\"key\": \"k\", \"value\": 1, \"timestamp\": 1}";
        }
    }

    public static final class TwoRecordsGenerator implements Supplier<String> {

        private int left = 2;

        public TwoRecordsGenerator(long seed) {
        }

        @Override
        public String get() {
            return left-- > 0 ? "{\"key\": \"k\", \"value\": 1, \"timestamp\": 1}" : null;
        }
    }

    public static final class BrokenLineGenerator implements Supplier<String> {

        public BrokenLineGenerator(long seed) {
        }

        @Override
        public String get() {
            return "{\"key\": \"k\", \"value\": 1, \"time\": 1}";
        }
    }

    static final class HiddenGenerator implements Supplier<String> {

        public HiddenGenerator(long seed) {
        }

        @Override
        public String get() {
            return "{\"key\": \"k\", \"value\": 1, \"timestamp\": 1}";
        }
    }
}
