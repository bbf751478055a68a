package dev.streamsmustflow.examples.jvmmapcount;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/**
 * The word count done wrong: each task keeps its counts in a {@link HashMap} of the JVM instead of a state store.
 * Without faults it counts exactly as the word count does (the words are repartitioned, so a word is always counted
 * by the same task); a task that starts again, in a restarted or a new instance, has lost its counts and counts from
 * one again, and no changelog can give them back.
 */
public class JvmMapCountTopology implements Supplier<Topology> {

    public static final String INPUT_TOPIC = "sentences";
    public static final String OUTPUT_TOPIC = "word-counts";

    @Override
    public Topology get() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(INPUT_TOPIC, Consumed.with(Serdes.String(), Serdes.String()))
                .filter((key, sentence) -> sentence != null)
                .flatMapValues(sentence -> Arrays.asList(sentence.toLowerCase(Locale.ROOT).split("\\W+")))
                .filter((key, word) -> !word.isEmpty())
                .selectKey((key, word) -> word)
                .repartition(Repartitioned.with(Serdes.String(), Serdes.String()).withName("words"))
                .process(CountInJvmMap::new)
                .to(OUTPUT_TOPIC, Produced.with(Serdes.String(), Serdes.Long()));
        return builder.build();
    }

    /** The mistake: state the JVM holds and Kafka Streams knows nothing of. */
    private static final class CountInJvmMap implements Processor<String, String, String, Long> {
        private final Map<String, Long> counts = new HashMap<>();
        private ProcessorContext<String, Long> context;

        @Override
        public void init(ProcessorContext<String, Long> context) {
            this.context = context;
        }

        @Override
        public void process(Record<String, String> record) {
            long count = counts.merge(record.key(), 1L, Long::sum);
            context.forward(record.withValue(count));
        }
    }
}
