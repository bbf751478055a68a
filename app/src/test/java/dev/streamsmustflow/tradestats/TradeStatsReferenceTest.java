package dev.streamsmustflow.tradestats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

class TradeStatsReferenceTest {

    @Test
    void theReferenceIsTheTopologyOnTheDefaultTopicsInOneSubTopology() {
        TopologyDescription description = new TradeStatsReference().get().describe();

        assertEquals(1, description.subtopologies().size(), "one task per input partition, nothing repartitioned");
        Set<String> sources = description.subtopologies().iterator().next().nodes().stream()
                .filter(TopologyDescription.Source.class::isInstance)
                .flatMap(node -> ((TopologyDescription.Source) node).topicSet().stream()).collect(Collectors.toSet());
        Set<String> sinks = description.subtopologies().iterator().next().nodes().stream()
                .filter(TopologyDescription.Sink.class::isInstance)
                .map(node -> ((TopologyDescription.Sink) node).topic()).collect(Collectors.toSet());
        assertEquals(Set.of("trades"), sources);
        assertEquals(Set.of("trade-stats", "trades-dead-letter"), sinks);
    }
}
