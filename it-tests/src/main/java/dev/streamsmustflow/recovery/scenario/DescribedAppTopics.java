package dev.streamsmustflow.recovery.scenario;

import static org.awaitility.Awaitility.await;

import dev.streamsmustflow.recovery.deployment.descriptor.AppDescriptor;
import dev.streamsmustflow.recovery.deployment.descriptor.InputTopic;
import dev.streamsmustflow.recovery.deployment.descriptor.OutputTopic;
import dev.streamsmustflow.recovery.platform.Platform;
import dev.streamsmustflow.recovery.platform.TopicCreator;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;

/**
 * A described app's topics, which have the names its code gives them: the harness creates its inputs with their
 * partitions, its outputs and dead-letter topic with as many partitions as its first input (an app that creates
 * its own output topics finds them there), and deletes them with Kafka Streams' own topics when a run is over, so
 * that the next run of the same app starts from empty topics. Nothing is deleted by retention while a run lasts
 * (an input file's timestamps may be older than a week), and the outputs are stamped by the broker, which the
 * output gap is measured with.
 */
public final class DescribedAppTopics {

    private static final Duration DELETE_TIMEOUT = Duration.ofSeconds(60);
    private static final Map<String, String> KEPT = Map.of("retention.ms", "-1");
    private static final Map<String, String> STAMPED_AND_KEPT = Map.of("retention.ms", "-1",
            "message.timestamp.type", "LogAppendTime");

    private DescribedAppTopics() {
    }

    public static void create(Platform platform, AppDescriptor descriptor) {
        Map<String, TopicCreator.Topic> topics = new LinkedHashMap<>();
        for (InputTopic input : descriptor.inputs()) {
            topics.put(input.topic(), new TopicCreator.Topic(input.partitions(), KEPT));
        }
        int partitions = descriptor.inputs().get(0).partitions();
        for (OutputTopic output : descriptor.outputs()) {
            topics.put(output.topic(), new TopicCreator.Topic(partitions, STAMPED_AND_KEPT));
        }
        if (descriptor.deadLetterTopic() != null) {
            topics.put(descriptor.deadLetterTopic(), new TopicCreator.Topic(ScenarioTopics.DEAD_LETTER_PARTITIONS, KEPT));
        }
        TopicCreator.create(platform.admin(), topics);
    }

    /**
     * Deletes the app's topics and those Kafka Streams made for {@code applicationId}, and returns once the broker
     * lists none of them: the names are the app's, and its next run creates them again.
     */
    public static void delete(Admin admin, String applicationId, AppDescriptor descriptor) {
        Set<String> named = descriptor.inputs().stream().map(InputTopic::topic).collect(Collectors.toSet());
        descriptor.outputs().forEach(output -> named.add(output.topic()));
        if (descriptor.deadLetterTopic() != null) {
            named.add(descriptor.deadLetterTopic());
        }
        try {
            Set<String> own = owned(admin, applicationId, named);
            admin.deleteTopics(own).all().get();
            await("the broker no longer lists " + own).atMost(DELETE_TIMEOUT).pollInterval(Duration.ofMillis(100))
                    .until(() -> owned(admin, applicationId, named).isEmpty());
        } catch (ExecutionException e) {
            throw new IllegalStateException("cannot delete the topics of " + applicationId + ": " + e.getCause(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while deleting the topics of " + applicationId, e);
        }
    }

    private static Set<String> owned(Admin admin, String applicationId, Set<String> named)
            throws ExecutionException, InterruptedException {
        return admin.listTopics().names().get().stream()
                .filter(name -> name.startsWith(applicationId + "-") || named.contains(name))
                .collect(Collectors.toSet());
    }
}
