package dev.streamsmustflow.examples.wordcount;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Produced;

/**
 * The talk's word count: sentences in, the count of every word so far out, one update per word. The count is a
 * state store backed by a changelog, which is what the harness's faults put to the test.
 *
 * <p>A {@code Supplier<Topology>} with a public no-argument constructor, so that a descriptor can name it as the
 * reference the harness drives in {@code TopologyTestDriver}; on the default topics.
 */
public class WordCountTopology implements Supplier<Topology> {

    public static final String DEFAULT_INPUT_TOPIC = "sentences";
    public static final String DEFAULT_OUTPUT_TOPIC = "word-counts";
    static final String STORE = "counts";

    private final String inputTopic;
    private final String outputTopic;

    public WordCountTopology() {
        this(DEFAULT_INPUT_TOPIC, DEFAULT_OUTPUT_TOPIC);
    }

    public WordCountTopology(String inputTopic, String outputTopic) {
        this.inputTopic = inputTopic;
        this.outputTopic = outputTopic;
    }

    @Override
    public Topology get() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(inputTopic, Consumed.with(Serdes.String(), Serdes.String()))
                .filter((key, sentence) -> sentence != null)
                .flatMapValues(sentence -> Arrays.asList(sentence.toLowerCase(Locale.ROOT).split("\\W+")))
                .filter((key, word) -> !word.isEmpty())
                .groupBy((key, word) -> word, Grouped.with("words", Serdes.String(), Serdes.String()))
                .count(Materialized.as(STORE))
                .toStream()
                .to(outputTopic, Produced.with(Serdes.String(), Serdes.Long()));
        return builder.build();
    }
}
