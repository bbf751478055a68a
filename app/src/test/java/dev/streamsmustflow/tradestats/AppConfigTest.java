package dev.streamsmustflow.tradestats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class AppConfigTest {

    private static final String BOOTSTRAP = "broker-0:9092,broker-1:9092";

    static Stream<Arguments> invalidSettings() {
        return Stream.of(
                Arguments.of(Map.of(), "KAFKA_BOOTSTRAP_SERVERS: required but not set "
                        + "(host:port of at least one Kafka broker, comma-separated)"),
                Arguments.of(Map.of("KAFKA_BOOTSTRAP_SERVERS", " "), "KAFKA_BOOTSTRAP_SERVERS: is set but empty"),
                Arguments.of(Map.of("KAFKA_BOOTSTRAP_SERVERS", "broker-0"),
                        "KAFKA_BOOTSTRAP_SERVERS: must be a comma-separated list of host:port, was 'broker-0'"),
                Arguments.of(with("HTTP_PORT", "80a"), "HTTP_PORT: must be an integer from 0 to 65535, was '80a'"),
                Arguments.of(with("HTTP_PORT", "70000"), "HTTP_PORT: must be an integer from 0 to 65535, was '70000'"),
                Arguments.of(with("NUM_STANDBY_REPLICAS", "-1"),
                        "NUM_STANDBY_REPLICAS: must be an integer from 0 to 10, was '-1'"),
                Arguments.of(with("PROCESSING_GUARANTEE", "exactly_once"),
                        "PROCESSING_GUARANTEE: must be one of exactly_once_v2, at_least_once, was 'exactly_once'"),
                Arguments.of(with("GROUP_PROTOCOL", "consumer"),
                        "GROUP_PROTOCOL: must be one of classic, streams, was 'consumer'"),
                Arguments.of(with("TRANSACTIONAL_STATE_STORES", "yes"),
                        "TRANSACTIONAL_STATE_STORES: must be true or false, was 'yes'"),
                Arguments.of(with("LEAVE_GROUP_ON_CLOSE", "always"),
                        "LEAVE_GROUP_ON_CLOSE: must be true or false, was 'always'"),
                Arguments.of(with("TELEMETRY", "off"), "TELEMETRY: must be true or false, was 'off'"),
                Arguments.of(with("TOPOLOGY", "passthrough"),
                        "TOPOLOGY: must be one of trade-stats, pass-through, was 'passthrough'"),
                Arguments.of(with("STATIC_MEMBERSHIP", "true"),
                        "POD_NAME: required when STATIC_MEMBERSHIP is true (it becomes the stable group.instance.id)"),
                Arguments.of(with("WINDOW_GRACE_MS", "-1"),
                        "WINDOW_GRACE_MS: must be a whole number of milliseconds, at least 0, was '-1'"),
                Arguments.of(with("STORE_RETENTION_MS", "9999"),
                        "STORE_RETENTION_MS: must be a whole number of milliseconds, at least 10000, was '9999'"),
                Arguments.of(with("SHUTDOWN_TIMEOUT_MS", "5s"),
                        "SHUTDOWN_TIMEOUT_MS: must be a whole number of milliseconds, at least 1000, was '5s'"),
                Arguments.of(with("OUTPUT_TOPIC", "trades"), "OUTPUT_TOPIC: must differ from INPUT_TOPIC ('trades')"),
                Arguments.of(with("DEAD_LETTER_TOPIC", "trade-stats"),
                        "DEAD_LETTER_TOPIC: must differ from INPUT_TOPIC and OUTPUT_TOPIC ('trade-stats')"),
                Arguments.of(with("KAFKA_STREAMS_SESION_TIMEOUT_MS", "10000"),
                        "KAFKA_STREAMS_SESION_TIMEOUT_MS: 'sesion.timeout.ms' is not a Kafka Streams, client or topic "
                                + "property (see docs/app.md, Configuration, for the name mapping)"),
                Arguments.of(with("KAFKA_STREAMS_SESSION_TIMEOUT_MS", "ten"),
                        "KAFKA_STREAMS_SESSION_TIMEOUT_MS: Invalid value ten for configuration session.timeout.ms: "
                                + "Not a number of type INT"),
                Arguments.of(with("KAFKA_STREAMS_PRODUCER_LINGER_MS", "soon"),
                        "KAFKA_STREAMS_PRODUCER_LINGER_MS: Invalid value soon for configuration linger.ms: "
                                + "Not a number of type LONG"),
                Arguments.of(with("KAFKA_STREAMS_APPLICATION_ID", "x"),
                        "KAFKA_STREAMS_APPLICATION_ID: sets application.id, which is set with APPLICATION_ID instead"),
                Arguments.of(with("KAFKA_STREAMS_GROUP_INSTANCE_ID", "x"),
                        "KAFKA_STREAMS_GROUP_INSTANCE_ID: sets group.instance.id, which is set with STATIC_MEMBERSHIP "
                                + "and POD_NAME instead"),
                Arguments.of(with("KAFKA_STREAMS_", "x"), "KAFKA_STREAMS_: names no property after the prefix KAFKA_STREAMS_"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidSettings")
    void anInvalidSettingNamesTheVariableAndWhatIsWrong(Map<String, String> env, String message) {
        InvalidSettingException error = assertThrows(InvalidSettingException.class, () -> AppConfig.fromEnv(env));

        assertEquals(message, error.getMessage());
    }

    @Test
    void defaultsFollowTheReadme() {
        AppConfig config = AppConfig.fromEnv(Map.of("KAFKA_BOOTSTRAP_SERVERS", BOOTSTRAP));

        Properties props = config.streamsProperties();
        assertEquals(BOOTSTRAP, props.get("bootstrap.servers"));
        assertEquals("trade-stats", props.get("application.id"));
        assertEquals("exactly_once_v2", props.get("processing.guarantee"));
        assertEquals("0", props.get("num.standby.replicas"));
        assertEquals("false", props.get("enable.transactional.statestores"));
        assertEquals("classic", props.get("group.protocol"));
        assertFalse(props.containsKey("group.instance.id"), "dynamic membership by default");
        assertFalse(config.leaveGroupOnClose(), "Kafka Streams' own close by default");
        assertEquals(8080, config.httpPort());
        assertEquals(Duration.ofSeconds(30), config.shutdownTimeout());
        assertEquals(new TopologySettings("trades", "trade-stats", "trades-dead-letter", Duration.ofSeconds(5),
                Duration.ofSeconds(10)), config.topology());
    }

    @Test
    void staticMembershipUsesThePodNameAsGroupInstanceId() {
        Map<String, String> env = with("STATIC_MEMBERSHIP", "true");
        env.put("POD_NAME", "trade-stats-2");

        Properties props = AppConfig.fromEnv(env).streamsProperties();

        assertEquals("trade-stats-2", props.get("group.instance.id"));
    }

    @Test
    void prefixedVariablesBecomeKafkaProperties() {
        Map<String, String> env = with("KAFKA_STREAMS_SESSION_TIMEOUT_MS", "6000");
        env.put("KAFKA_STREAMS_TOPIC_SEGMENT_BYTES", "1048576");
        env.put("KAFKA_STREAMS_RESTORE_CONSUMER_MAX_POLL_RECORDS", "5000");
        env.put("KAFKA_STREAMS_CLIENT_ID", "ts");

        Properties props = AppConfig.fromEnv(env).streamsProperties();

        assertEquals("6000", props.get("session.timeout.ms"));
        assertEquals("1048576", props.get("topic.segment.bytes"));
        assertEquals("5000", props.get("restore.consumer.max.poll.records"));
        assertEquals("ts", props.get("client.id"));
    }

    @Test
    void underscoresAndDashesInPropertyNamesCanBeWritten() {
        assertEquals("a_b.c-d", PassThroughProperties.propertyName("KAFKA_STREAMS_A__B_C___D"));
    }

    private static Map<String, String> with(String variable, String value) {
        Map<String, String> env = new HashMap<>();
        env.put("KAFKA_BOOTSTRAP_SERVERS", BOOTSTRAP);
        env.put(variable, value);
        return env;
    }
}
