package dev.streamsmustflow.recovery.checker.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamsmustflow.recovery.checker.ExpectedWindows;
import dev.streamsmustflow.recovery.checker.WindowAggregate;
import dev.streamsmustflow.recovery.deployment.descriptor.AppDescriptor;
import dev.streamsmustflow.recovery.deployment.descriptor.DescriptorReader;
import dev.streamsmustflow.recovery.deployment.descriptor.OutputTopic;
import dev.streamsmustflow.recovery.workload.GeneratedTrade;
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
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

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
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theAppsOwnTopologyWithoutFaultsEndsEveryWindowWhereTheBuiltInOracleDoes() {
        AppDescriptor descriptor = DescriptorReader.read(Path.of(System.getProperty("trade-stats.descriptor")));
        int partitions = descriptor.inputs().get(0).partitions();
        List<WorkloadRecord> records = new TradeGenerator(WorkloadSpec.small(SEED, EVENT_TIME_START), GRACE_MS)
                .take(10_000);

        // each record where the producer's default partitioner puts it, at the next offset there
        List<Delivered> delivered = new ArrayList<>();
        List<ReplayRecord> replayed = new ArrayList<>();
        Map<Integer, Long> nextOffset = new HashMap<>();
        long newestEventTime = EVENT_TIME_START;
        for (WorkloadRecord record : records) {
            byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
            int partition = key == null ? 0 : Utils.toPositive(Utils.murmur2(key)) % partitions;
            long offset = nextOffset.merge(partition, 1L, Long::sum) - 1;
            if (record instanceof GeneratedTrade trade) {
                newestEventTime = Math.max(newestEventTime, trade.eventTime());
            }
            delivered.add(new Delivered(record, partition, offset));
            replayed.add(new ReplayRecord(key, record.value() == null ? null : record.value().getBytes(StandardCharsets.UTF_8),
                    record instanceof GeneratedTrade trade ? trade.eventTime() : newestEventTime, partition,
                    (int) record.sequence() + 1));
        }

        ExpectedOutput reference = DescriptorReference.expectedOutput(descriptor, Map.of("trades", replayed));
        ExpectedWindows expected = ExpectedWindows.of(delivered, Map.of(), GRACE_MS);

        String context = " (seed " + SEED + ", " + records.size() + " records, event time from " + EVENT_TIME_START + ")";
        assertEquals("TopologyTestDriver, one driver per partition", reference.method(), context);
        OutputTopic stats = descriptor.outputs().get(0);
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

    private static WindowAggregate aggregate(String json) {
        try {
            JsonNode value = JSON.readTree(json);
            return new WindowAggregate(value.get("count").asLong(), value.get("sumPriceCents").asLong(),
                    value.get("minPriceCents").asLong(), value.get("maxPriceCents").asLong(), value.get("volume").asLong());
        } catch (IOException e) {
            throw new UncheckedIOException("an output value that is not JSON: " + json, e);
        }
    }
}
