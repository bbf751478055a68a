package dev.streamsmustflow.recovery.checker.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.streamsmustflow.recovery.checker.Validity;
import dev.streamsmustflow.recovery.deployment.ProcessingGuarantee;
import dev.streamsmustflow.recovery.deployment.descriptor.OutputSemantics;
import dev.streamsmustflow.recovery.deployment.descriptor.OutputTopic;
import dev.streamsmustflow.recovery.deployment.descriptor.RecordFormat;
import dev.streamsmustflow.recovery.deployment.descriptor.TopologyReference;
import dev.streamsmustflow.recovery.workload.replay.RecordEncoder;
import dev.streamsmustflow.recovery.workload.replay.ReplayRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.junit.jupiter.api.Test;

class TopologyDriverReferenceTest {

    private static final OutputTopic COUNTS = new OutputTopic(WordCountTopology.COUNTS, OutputSemantics.TABLE,
            RecordFormat.STRING, RecordFormat.LONG);

    @Test
    void theReferenceIsEveryUpdateOfTheAppsOwnTopologyWithoutFaults() {
        Supplier<Topology> topology = () -> TopologyLoader.load(new TopologyReference(WordCountTopology.class.getName(),
                null, null), getClass().getClassLoader());

        ExpectedOutput output = TopologyDriverReference.expectedOutput(topology, Map.of(),
                Map.of(WordCountTopology.SENTENCES, sentences("Streams must flow", "streams FLOW", "flow")),
                List.of(COUNTS));

        Map<String, List<String>> byWord = output.of(WordCountTopology.COUNTS).stream().collect(Collectors.groupingBy(
                KeyedRecord::key, LinkedHashMap::new, Collectors.mapping(KeyedRecord::value, Collectors.toList())));
        assertEquals(Map.of("streams", List.of("1", "2"), "must", List.of("1"), "flow", List.of("1", "2", "3")), byWord);
    }

    @Test
    void aRunThatLostAWordsCountIsTheCheckersInvalidAgainstTheReference() {
        Supplier<Topology> topology = () -> TopologyLoader.load(new TopologyReference(WordCountTopology.class.getName(),
                "build", null), getClass().getClassLoader());
        List<KeyedRecord> reference = TopologyDriverReference.expectedOutput(topology, Map.of(),
                Map.of(WordCountTopology.SENTENCES, sentences("flow flow", "flow")), List.of(COUNTS))
                .of(WordCountTopology.COUNTS);

        DifferentialCheck check = new DifferentialCheck(5);
        List<KeyedRecord> restarted = List.of(new KeyedRecord("flow", "2"), new KeyedRecord("flow", "1"));
        TopicComparison comparison = check.compare(COUNTS.topic(), COUNTS.semantics(), ProcessingGuarantee.EXACTLY_ONCE_V2,
                reference, restarted);

        assertEquals(Validity.VALID, check.compare(COUNTS.topic(), COUNTS.semantics(),
                ProcessingGuarantee.EXACTLY_ONCE_V2, reference, reference).validity());
        assertEquals(Validity.INVALID, comparison.validity(), comparison.summary());
        assertEquals(List.of(new Difference(DifferenceKind.REGRESSED, "flow", "a value at or after 2", "1"),
                new Difference(DifferenceKind.WRONG_FINAL, "flow", "3", "1")), comparison.examples());
    }

    @Test
    void eachPartitionOfAWindowedAppHasItsOwnStreamTimeAsEachTaskDoes() {
        // a 10 s window without grace: a record 99 s behind its own partition's stream time would be dropped, one
        // behind another partition's is not; the reference must count it as the run does
        Supplier<Topology> windowed = () -> {
            StreamsBuilder builder = new StreamsBuilder();
            builder.stream("clicks", Consumed.with(Serdes.String(), Serdes.String()))
                    .groupByKey()
                    .windowedBy(TimeWindows.ofSizeWithNoGrace(Duration.ofSeconds(10)))
                    .count()
                    .toStream((window, count) -> window.key() + "@" + window.window().start())
                    .to("click-counts", Produced.with(Serdes.String(), Serdes.Long()));
            return builder.build();
        };
        RecordEncoder text = new RecordEncoder(RecordFormat.STRING);
        List<ReplayRecord> clicks = List.of(
                new ReplayRecord(text.encode(TextNode.valueOf("home")), text.encode(TextNode.valueOf("x")), 100_000, 0, 1),
                new ReplayRecord(text.encode(TextNode.valueOf("cart")), text.encode(TextNode.valueOf("x")), 1_000, 1, 2));
        OutputTopic counts = new OutputTopic("click-counts", OutputSemantics.TABLE, RecordFormat.STRING, RecordFormat.LONG);

        ExpectedOutput perPartition = TopologyDriverReference.expectedOutput(windowed, Map.of(),
                Map.of("clicks", clicks), List.of(counts));
        ExpectedOutput partitionsUnknown = TopologyDriverReference.expectedOutput(windowed, Map.of(),
                Map.of("clicks", clicks.stream().map(click -> new ReplayRecord(click.key(), click.value(),
                        click.timestamp(), null, click.line())).toList()), List.of(counts));

        assertEquals("TopologyTestDriver, one driver per partition", perPartition.method());
        assertEquals(List.of(new KeyedRecord("home@100000", "1"), new KeyedRecord("cart@0", "1")),
                perPartition.of("click-counts"));
        assertEquals(List.of(new KeyedRecord("home@100000", "1")), partitionsUnknown.of("click-counts"),
                "in one driver the cart click is behind the stream time the home click set, and dropped");
    }

    @Test
    void aTopologyClassThatDoesNotFitSaysWhatItLacks() {
        ClassLoader classes = getClass().getClassLoader();
        String name = WordCountTopology.class.getName();

        assertEquals("topology class no.such.Topology cannot be loaded: java.lang.ClassNotFoundException: no.such.Topology",
                assertThrows(IllegalArgumentException.class, () -> TopologyLoader.load(
                        new TopologyReference("no.such.Topology", null, null), classes)).getMessage());
        assertEquals("topology class java.lang.String is no Supplier<Topology>; name a static method that builds it "
                + "with 'method'", assertThrows(IllegalArgumentException.class, () -> TopologyLoader.load(
                        new TopologyReference("java.lang.String", null, null), classes)).getMessage());
        assertEquals(name + ".instanceBuild() is not static", assertThrows(IllegalArgumentException.class,
                () -> TopologyLoader.load(new TopologyReference(name, "instanceBuild", null), classes)).getMessage());
        assertEquals("topology class " + name + " has no public method missing() without arguments",
                assertThrows(IllegalArgumentException.class, () -> TopologyLoader.load(
                        new TopologyReference(name, "missing", null), classes)).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> TopologyLoader.load(
                new TopologyReference(name, "notATopology", null), classes)).getMessage()
                .startsWith(name + ".notATopology() returned a java.lang.String, not an org.apache.kafka.streams.Topology"));
    }

    private static List<ReplayRecord> sentences(String... sentences) {
        RecordEncoder text = new RecordEncoder(RecordFormat.STRING);
        List<ReplayRecord> records = new ArrayList<>();
        for (int i = 0; i < sentences.length; i++) {
            records.add(new ReplayRecord(null, text.encode(JsonNodeFactory.instance.textNode(sentences[i])), 1_000L * i,
                    null, i + 1));
        }
        return records;
    }
}
