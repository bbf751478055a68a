package dev.streamsmustflow.recovery.checker.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.streamsmustflow.recovery.checker.DeadLetterRecord;
import dev.streamsmustflow.recovery.checker.ExpectedWindows;
import dev.streamsmustflow.recovery.checker.InputRecord;
import dev.streamsmustflow.recovery.checker.Observed;
import dev.streamsmustflow.recovery.checker.Oracle;
import dev.streamsmustflow.recovery.checker.OutputRecord;
import dev.streamsmustflow.recovery.checker.Validity;
import dev.streamsmustflow.recovery.checker.Verdict;
import dev.streamsmustflow.recovery.checker.WindowAggregate;
import dev.streamsmustflow.recovery.deployment.ProcessingGuarantee;
import dev.streamsmustflow.recovery.deployment.descriptor.AppDescriptor;
import dev.streamsmustflow.recovery.deployment.descriptor.DescriptorReader;
import dev.streamsmustflow.recovery.deployment.descriptor.OutputTopic;
import dev.streamsmustflow.recovery.workload.GeneratedTrade;
import dev.streamsmustflow.recovery.workload.MalformedRecord;
import dev.streamsmustflow.recovery.workload.SentRecords;
import dev.streamsmustflow.recovery.workload.SentRecords.Delivered;
import dev.streamsmustflow.recovery.workload.TradeGenerator;
import dev.streamsmustflow.recovery.workload.WorkloadRecord;
import dev.streamsmustflow.recovery.workload.WorkloadSpec;
import dev.streamsmustflow.recovery.workload.replay.ReplayRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * trade-stats through its descriptor ({@code app/recovery-app.yaml}, its jar, its own topology in
 * TopologyTestDriver) and through the built-in oracle's own window arithmetic: two independent ways to the expected
 * output, which must agree on every window's final value for the same seeded input, late trades and malformed
 * records included.
 */
class TradeStatsDescriptorIT {

    private static final long SEED = WorkloadSpec.DEFAULT_SEED;
    private static final long EVENT_TIME_START = 1_796_000_000_000L;
    private static final long GRACE_MS = 5_000; // trade-stats' default, which its reference topology has
    private static final int RECORDS = 3_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static AppDescriptor descriptor;
    private static OutputTopic stats;
    /** 3,000 seeded records, late trades and malformed records among them, as a run sends them. */
    private static Sent sent;
    /** What trade-stats' own topology writes for them without faults. */
    private static ExpectedOutput reference;

    @BeforeAll
    static void driveTheAppsOwnTopologyOnce() {
        descriptor = DescriptorReader.read(Path.of(System.getProperty("trade-stats.descriptor")));
        stats = descriptor.outputs().get(0);
        sent = Sent.of(new TradeGenerator(WorkloadSpec.small(SEED, EVENT_TIME_START), GRACE_MS).take(RECORDS),
                descriptor.inputs().get(0).partitions());
        reference = DescriptorReference.expectedOutput(descriptor, Map.of("trades", sent.replayed()));
    }

    @Test
    void theAppsOwnTopologyWithoutFaultsEndsEveryWindowWhereTheBuiltInOracleDoes() {
        ExpectedWindows expected = ExpectedWindows.of(sent.delivered(), Map.of(), GRACE_MS);

        String context = " (seed " + SEED + ", " + RECORDS + " records, event time from " + EVENT_TIME_START + ")";
        assertTrue(expected.lateDrops() > 0, "no trade too late for a window: the input tests too little" + context);
        assertTrue(sent.delivered().stream().anyMatch(one -> one.record() instanceof MalformedRecord),
                "no malformed record: the input tests too little" + context);
        assertEquals("TopologyTestDriver, one driver per partition", reference.method(), context);
        Map<String, WindowAggregate> finalValues = new HashMap<>();
        for (KeyedRecord record : reference.of(stats.topic())) {
            finalValues.put(record.key(), aggregate(record.value()));
        }
        assertEquals(new TreeSet<>(expected.windows()), new TreeSet<>(finalValues.keySet()), "windows" + context);
        List<String> different = new ArrayList<>();
        for (String window : expected.windows()) {
            if (!expected.finalValue(window).equals(finalValues.get(window))) {
                different.add(window + ": oracle " + expected.finalValue(window) + ", topology " + finalValues.get(window));
            }
        }
        assertEquals(List.of(), different.subList(0, Math.min(5, different.size())),
                different.size() + " of " + expected.windows().size() + " windows end differently" + context);
    }

    /**
     * The same faultless output, then with one anomaly of each kind a crash can leave in it: the built-in oracle
     * and the differential check (table semantics) must give the same verdict on each.
     */
    @ParameterizedTest(name = "{0} under {1}")
    @CsvSource({
        "NONE, EXACTLY_ONCE_V2, VALID", "LAST_UPDATE_LOST, EXACTLY_ONCE_V2, INVALID",
        "OLD_UPDATE_AGAIN, EXACTLY_ONCE_V2, INVALID", "OVER_COUNTED, EXACTLY_ONCE_V2, INVALID",
        "LAST_UPDATE_TWICE, EXACTLY_ONCE_V2, VALID",
        "NONE, AT_LEAST_ONCE, VALID", "LAST_UPDATE_LOST, AT_LEAST_ONCE, INVALID", "OLD_UPDATE_AGAIN, AT_LEAST_ONCE, INVALID"
    })
    void theBuiltInOracleAndTheDifferentialCheckGiveTheSameVerdict(Anomaly anomaly, ProcessingGuarantee guarantee,
            Validity expected) {
        List<KeyedRecord> seen = anomaly.applyTo(reference.of(stats.topic()));
        Verdict builtIn = Oracle.check(sent.records(), sent.observed(seen), guarantee, GRACE_MS);
        TopicComparison differential = new DifferentialCheck(3).compare(stats.topic(), stats.semantics(), guarantee,
                reference.of(stats.topic()), seen);

        String context = " (seed " + SEED + "; built-in: " + builtIn.summary() + "; differential: "
                + differential.summary() + " " + differential.examples() + ")";
        assertEquals(expected, builtIn.validity(), "the built-in oracle" + context);
        assertEquals(expected, differential.validity(), "the differential check" + context);
    }

    /** What a crash can do to a window's updates, done to the first window with at least three. */
    enum Anomaly {
        NONE, LAST_UPDATE_LOST, OLD_UPDATE_AGAIN, OVER_COUNTED, LAST_UPDATE_TWICE;

        List<KeyedRecord> applyTo(List<KeyedRecord> output) {
            List<KeyedRecord> changed = new ArrayList<>(output);
            if (this == NONE) {
                return changed;
            }
            Map<String, List<Integer>> positions = new LinkedHashMap<>();
            for (int i = 0; i < output.size(); i++) {
                positions.computeIfAbsent(output.get(i).key(), key -> new ArrayList<>()).add(i);
            }
            List<Integer> window = positions.values().stream().filter(updates -> updates.size() >= 3).findFirst()
                    .orElseThrow(() -> new AssertionError("no window with three updates in " + output.size()));
            int last = window.get(window.size() - 1);
            KeyedRecord lastUpdate = output.get(last);
            switch (this) {
                case LAST_UPDATE_LOST -> changed.remove(last);
                case OLD_UPDATE_AGAIN -> changed.add(last + 1, output.get(window.get(0)));
                case OVER_COUNTED -> changed.set(last, new KeyedRecord(lastUpdate.key(), overCounted(lastUpdate.value())));
                case LAST_UPDATE_TWICE -> changed.add(last + 1, lastUpdate);
                default -> throw new IllegalStateException(name());
            }
            return changed;
        }

        /** The update counting one trade more, at the window's lowest price, its average consistent with that. */
        private static String overCounted(String json) {
            try {
                ObjectNode value = (ObjectNode) JSON.readTree(json);
                long count = value.get("count").asLong() + 1;
                long sum = value.get("sumPriceCents").asLong() + value.get("minPriceCents").asLong();
                value.put("count", count);
                value.put("sumPriceCents", sum);
                value.put("averagePriceCents", (double) sum / count);
                return JSON.writeValueAsString(value);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Records as a run would have sent them: where the producer's default partitioner puts each, at the next offset. */
    private record Sent(SentRecords records, List<ReplayRecord> replayed) {

        List<Delivered> delivered() {
            return records.acknowledged();
        }

        static Sent of(List<WorkloadRecord> generated, int partitions) {
            SentRecords records = new SentRecords();
            List<ReplayRecord> replayed = new ArrayList<>();
            Map<Integer, Long> nextOffset = new HashMap<>();
            long newestEventTime = EVENT_TIME_START;
            for (WorkloadRecord record : generated) {
                byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
                int partition = key == null ? 0 : Utils.toPositive(Utils.murmur2(key)) % partitions;
                long offset = nextOffset.merge(partition, 1L, Long::sum) - 1;
                if (record instanceof GeneratedTrade trade) {
                    newestEventTime = Math.max(newestEventTime, trade.eventTime());
                }
                records.acknowledged(record, partition, offset);
                replayed.add(new ReplayRecord(key,
                        record.value() == null ? null : record.value().getBytes(StandardCharsets.UTF_8),
                        record instanceof GeneratedTrade trade ? trade.eventTime() : newestEventTime, partition,
                        (int) record.sequence() + 1));
            }
            return new Sent(records, replayed);
        }

        /** The run's topics as the oracle reads them back: the input as sent, the output as given, every dead letter. */
        Observed observed(List<KeyedRecord> output) {
            List<InputRecord> input = delivered().stream().map(one -> new InputRecord(one.partition(), one.offset(),
                    one.record().key(), one.record().value())).toList();
            List<OutputRecord> updates = new ArrayList<>();
            for (int i = 0; i < output.size(); i++) {
                JsonNode value = readJson(output.get(i).value());
                updates.add(new OutputRecord(output.get(i).key(), aggregate(output.get(i).value()),
                        value.get("windowEnd").asLong(), value.get("averagePriceCents").asDouble(), 0, i, i));
            }
            List<DeadLetterRecord> deadLetters = delivered().stream().filter(one -> one.record() instanceof MalformedRecord)
                    .map(one -> new DeadLetterRecord(one.partition(), one.offset(), "malformed")).toList();
            return new Observed(input, updates, deadLetters, Map.of());
        }
    }

    private static JsonNode readJson(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("an output value that is not JSON: " + json, e);
        }
    }

    private static WindowAggregate aggregate(String json) {
        JsonNode value = readJson(json);
        return new WindowAggregate(value.get("count").asLong(), value.get("sumPriceCents").asLong(),
                value.get("minPriceCents").asLong(), value.get("maxPriceCents").asLong(), value.get("volume").asLong());
    }
}
