package dev.streamsmustflow.tradestats;

import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;

/**
 * {@code TOPOLOGY=pass-through}: every input record to the output topic, bytes unchanged, no state. It is
 * not for production: it is the baseline of the processing benchmark, which sets the trade-stats
 * topology's throughput against Kafka Streams' own cost of reading and writing the same records on the
 * same broker, with the same processing guarantee and settings.
 */
public final class PassThroughTopology {

    private PassThroughTopology() {
    }

    public static Topology build(TopologySettings settings) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream(settings.inputTopic(), Consumed.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("read-input"))
                .to(settings.outputTopic(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("write-output"));
        return builder.build();
    }
}
