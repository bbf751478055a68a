package dev.streamsmustflow.tradestats;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.streams.StreamsConfig;

/**
 * The whole configuration of one instance, read from environment variables and validated up front.
 * Every variable is documented in the configuration table of docs/app.md.
 */
public record AppConfig(
        String bootstrapServers,
        String applicationId,
        TopologySettings topology,
        Path stateDir,
        String processingGuarantee,
        int standbyReplicas,
        boolean transactionalStateStores,
        String groupProtocol,
        String instanceName,
        boolean staticMembership,
        boolean leaveGroupOnClose,
        boolean passThrough,
        int httpPort,
        Duration shutdownTimeout,
        boolean writesTelemetry,
        Map<String, PassThroughProperties.Setting> extraProperties) {

    public static final String BOOTSTRAP_SERVERS = "KAFKA_BOOTSTRAP_SERVERS";
    public static final String APPLICATION_ID = "APPLICATION_ID";
    public static final String INPUT_TOPIC = "INPUT_TOPIC";
    public static final String OUTPUT_TOPIC = "OUTPUT_TOPIC";
    public static final String DEAD_LETTER_TOPIC = "DEAD_LETTER_TOPIC";
    public static final String STATE_DIR = "STATE_DIR";
    public static final String PROCESSING_GUARANTEE = "PROCESSING_GUARANTEE";
    public static final String NUM_STANDBY_REPLICAS = "NUM_STANDBY_REPLICAS";
    public static final String TRANSACTIONAL_STATE_STORES = "TRANSACTIONAL_STATE_STORES";
    public static final String GROUP_PROTOCOL = "GROUP_PROTOCOL";
    public static final String POD_NAME = "POD_NAME";
    public static final String STATIC_MEMBERSHIP = "STATIC_MEMBERSHIP";
    public static final String LEAVE_GROUP_ON_CLOSE = "LEAVE_GROUP_ON_CLOSE";
    /** {@code trade-stats} (the default) or {@code pass-through}: the baseline of the processing benchmark. */
    public static final String TOPOLOGY = "TOPOLOGY";
    public static final String PASS_THROUGH = "pass-through";
    public static final String HTTP_PORT = "HTTP_PORT";
    public static final String WINDOW_GRACE_MS = "WINDOW_GRACE_MS";
    public static final String STORE_RETENTION_MS = "STORE_RETENTION_MS";
    public static final String SHUTDOWN_TIMEOUT_MS = "SHUTDOWN_TIMEOUT_MS";
    /**
     * {@code true} (the default): the app writes its telemetry on stdout; {@code false}: it writes none, for a run
     * where the recovery agent writes it instead, as for any app ({@code app/recovery-app.yaml}).
     */
    public static final String TELEMETRY = "TELEMETRY";

    private static final Pattern HOST_PORT_LIST = Pattern.compile("[^\\s,:]+:\\d{1,5}(,[^\\s,:]+:\\d{1,5})*");

    /** Properties with a dedicated variable; setting them through the pass-through prefix is an error. */
    private static final Map<String, String> OWNED_PROPERTIES = Map.of(
            StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, BOOTSTRAP_SERVERS,
            StreamsConfig.APPLICATION_ID_CONFIG, APPLICATION_ID,
            StreamsConfig.STATE_DIR_CONFIG, STATE_DIR,
            StreamsConfig.PROCESSING_GUARANTEE_CONFIG, PROCESSING_GUARANTEE,
            StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, NUM_STANDBY_REPLICAS,
            StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG, TRANSACTIONAL_STATE_STORES,
            StreamsConfig.GROUP_PROTOCOL_CONFIG, GROUP_PROTOCOL,
            ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, STATIC_MEMBERSHIP + " and " + POD_NAME);

    public static AppConfig fromEnv(Map<String, String> environment) {
        EnvironmentReader env = new EnvironmentReader(environment);
        String bootstrap = env.required(BOOTSTRAP_SERVERS, "host:port of at least one Kafka broker, comma-separated");
        if (!HOST_PORT_LIST.matcher(bootstrap).matches()) {
            throw new InvalidSettingException(BOOTSTRAP_SERVERS,
                    "must be a comma-separated list of host:port, was '" + bootstrap + "'");
        }
        Duration grace = env.millis(WINDOW_GRACE_MS, Duration.ofSeconds(5), Duration.ZERO);
        Duration minimumRetention = TopologySettings.minimumRetention(grace);
        TopologySettings topology = new TopologySettings(
                env.text(INPUT_TOPIC, "trades"),
                env.text(OUTPUT_TOPIC, "trade-stats"),
                env.text(DEAD_LETTER_TOPIC, "trades-dead-letter"),
                grace,
                env.millis(STORE_RETENTION_MS, minimumRetention, minimumRetention));
        requireDistinctTopics(topology);
        boolean staticMembership = env.bool(STATIC_MEMBERSHIP, false);
        if (staticMembership && !env.isSet(POD_NAME)) {
            throw new InvalidSettingException(POD_NAME,
                    "required when " + STATIC_MEMBERSHIP + " is true (it becomes the stable group.instance.id)");
        }
        AppConfig config = new AppConfig(
                bootstrap,
                env.text(APPLICATION_ID, "trade-stats"),
                topology,
                Path.of(env.text(STATE_DIR, Path.of(System.getProperty("java.io.tmpdir"), "kafka-streams").toString())),
                env.choice(PROCESSING_GUARANTEE, StreamsConfig.EXACTLY_ONCE_V2,
                        List.of(StreamsConfig.EXACTLY_ONCE_V2, StreamsConfig.AT_LEAST_ONCE)),
                env.integer(NUM_STANDBY_REPLICAS, 0, 0, 10),
                env.bool(TRANSACTIONAL_STATE_STORES, false),
                env.choice(GROUP_PROTOCOL, "classic", List.of("classic", "streams")),
                env.text(POD_NAME, localHostName()),
                staticMembership,
                env.bool(LEAVE_GROUP_ON_CLOSE, false),
                env.choice(TOPOLOGY, "trade-stats", List.of("trade-stats", PASS_THROUGH)).equals(PASS_THROUGH),
                env.integer(HTTP_PORT, 8080, 0, 65535),
                env.millis(SHUTDOWN_TIMEOUT_MS, Duration.ofSeconds(30), Duration.ofSeconds(1)),
                env.bool(TELEMETRY, true),
                PassThroughProperties.read(environment, OWNED_PROPERTIES));
        config.validateKafkaValues();
        return config;
    }

    /** The properties handed to {@code KafkaStreams}. */
    public Properties streamsProperties() {
        Properties props = new Properties();
        // No global stores here; enabling it silences Kafka's warning and is its 5.0 default.
        props.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_GLOBAL_ENABLED_CONFIG, "true");
        extraProperties.forEach((name, setting) -> props.put(name, setting.value()));
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, applicationId);
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        props.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, processingGuarantee);
        props.put(StreamsConfig.NUM_STANDBY_REPLICAS_CONFIG, Integer.toString(standbyReplicas));
        props.put(StreamsConfig.TRANSACTIONAL_STATE_STORES_CONFIG, Boolean.toString(transactionalStateStores));
        props.put(StreamsConfig.GROUP_PROTOCOL_CONFIG, groupProtocol);
        if (staticMembership) {
            props.put(ConsumerConfig.GROUP_INSTANCE_ID_CONFIG, instanceName);
        }
        return props;
    }

    private static void requireDistinctTopics(TopologySettings topology) {
        if (topology.outputTopic().equals(topology.inputTopic())) {
            throw new InvalidSettingException(OUTPUT_TOPIC, "must differ from " + INPUT_TOPIC + " ('" + topology.inputTopic() + "')");
        }
        if (topology.deadLetterTopic().equals(topology.inputTopic())
                || topology.deadLetterTopic().equals(topology.outputTopic())) {
            throw new InvalidSettingException(DEAD_LETTER_TOPIC,
                    "must differ from " + INPUT_TOPIC + " and " + OUTPUT_TOPIC + " ('" + topology.deadLetterTopic() + "')");
        }
    }

    /** Lets Kafka's own config definitions check the values, and names the variable a bad one came from. */
    private void validateKafkaValues() {
        try {
            StreamsConfig streamsConfig = new StreamsConfig(streamsProperties());
            Map<String, Object> consumer = streamsConfig.getMainConsumerConfigs(applicationId, "validation", 0);
            consumer.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            consumer.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            new ConsumerConfig(consumer);
            Map<String, Object> producer = streamsConfig.getProducerConfigs("validation");
            producer.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            producer.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            new ProducerConfig(producer);
        } catch (ConfigException e) {
            String message = String.valueOf(e.getMessage());
            String variable = extraProperties.entrySet().stream()
                    .filter(entry -> message.contains("configuration " + entry.getKey())
                            || message.contains("configuration " + PassThroughProperties.unprefixed(entry.getKey())))
                    .max(Comparator.comparingInt(entry -> entry.getKey().length()))
                    .map(entry -> entry.getValue().variable())
                    .orElse(PassThroughProperties.PREFIX + "*");
            throw new InvalidSettingException(variable, message);
        }
    }

    private static String localHostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "trade-stats";
        }
    }
}
