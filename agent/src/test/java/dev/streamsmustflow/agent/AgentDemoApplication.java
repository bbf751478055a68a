package dev.streamsmustflow.agent;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;

/**
 * An application that knows nothing of the agent, for {@link RecoveryAgentIT}: a word count with its own state
 * listener and exception handler, which say on stdout that they were called. Created and closed without a broker:
 * Kafka Streams goes CREATED, PENDING_SHUTDOWN, NOT_RUNNING.
 */
public final class AgentDemoApplication {

    static final String APPLICATION_LISTENER = "application's state listener: ";

    private AgentDemoApplication() {
    }

    public static void main(String[] args) {
        StreamsBuilder builder = new StreamsBuilder();
        builder.stream("words", org.apache.kafka.streams.kstream.Consumed.with(Serdes.String(), Serdes.String()))
                .groupBy((key, word) -> word)
                .count();
        Properties properties = new Properties();
        properties.put(StreamsConfig.APPLICATION_ID_CONFIG, "agent-demo");
        properties.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1");
        properties.put(StreamsConfig.STATE_DIR_CONFIG, args[0]);
        properties.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        KafkaStreams streams = new KafkaStreams(builder.build(), properties);
        streams.setStateListener((newState, oldState) -> System.out.println(APPLICATION_LISTENER + oldState + "->" + newState));
        streams.setUncaughtExceptionHandler(error -> StreamThreadExceptionResponse.SHUTDOWN_CLIENT);
        streams.close(Duration.ofSeconds(10));
    }
}
