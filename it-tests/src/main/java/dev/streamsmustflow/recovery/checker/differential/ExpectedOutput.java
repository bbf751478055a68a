package dev.streamsmustflow.recovery.checker.differential;

import java.util.List;
import java.util.Map;

/**
 * What an app writes without faults, by output topic, and how that was found out, for the report.
 *
 * @param byTopic each output topic's records, each key's in the order they were written
 * @param method how the reference was made, in a phrase ({@code TopologyTestDriver, one driver per partition})
 */
public record ExpectedOutput(Map<String, List<KeyedRecord>> byTopic, String method) {

    public ExpectedOutput {
        byTopic = Map.copyOf(byTopic);
    }

    /** The topic's records; empty where the reference wrote none to it. */
    public List<KeyedRecord> of(String topic) {
        return byTopic.getOrDefault(topic, List.of());
    }
}
