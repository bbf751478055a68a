package dev.streamsmustflow.recovery.checker.differential;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.Produced;

/** The talk's word count, as a user's app would hand it to the harness: sentences in, a count per word out. */
public class WordCountTopology implements Supplier<Topology> {

    static final String SENTENCES = "sentences";
    static final String COUNTS = "word-counts";

    @Override
    public Topology get() {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(SENTENCES, Consumed.with(Serdes.String(), Serdes.String()))
                .flatMapValues(sentence -> Arrays.asList(sentence.toLowerCase(Locale.ROOT).split("\\W+")))
                .groupBy((key, word) -> word, Grouped.with(Serdes.String(), Serdes.String()))
                .count()
                .toStream()
                .to(COUNTS, Produced.with(Serdes.String(), Serdes.Long()));
        return builder.build();
    }

    /** The same topology from a static method, the other way a descriptor can name it. */
    public static Topology build() {
        return new WordCountTopology().get();
    }

    /** A method that is not static: a descriptor cannot name it. */
    public Topology instanceBuild() {
        return get();
    }

    /** A static method that builds something else. */
    public static String notATopology() {
        return "word count";
    }
}
