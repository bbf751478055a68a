package dev.streamsmustflow.recovery.scenario;

import dev.streamsmustflow.recovery.deployment.DeploymentSpec.Topics;
import dev.streamsmustflow.recovery.platform.Platform;
import java.util.Map;

/** A scenario's topics: input and output with the scenario's partitions, the output stamped by the broker. */
public final class ScenarioTopics {

    /** Few malformed records arrive; one partition keeps them in order. */
    static final int DEAD_LETTER_PARTITIONS = 1;

    private ScenarioTopics() {
    }

    public static void create(Platform platform, Topics topics, int partitions) {
        platform.createTopic(topics.input(), partitions, Map.of());
        // The output gap is measured with broker append times.
        platform.createTopic(topics.output(), partitions, Map.of("message.timestamp.type", "LogAppendTime"));
        platform.createTopic(topics.deadLetter(), DEAD_LETTER_PARTITIONS, Map.of());
    }
}
