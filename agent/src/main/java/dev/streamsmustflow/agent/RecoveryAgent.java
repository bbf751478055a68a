package dev.streamsmustflow.agent;

import dev.streamsmustflow.telemetry.RecordCacheSwitch;
import java.lang.instrument.Instrumentation;
import java.util.Arrays;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.matcher.ElementMatchers;

/**
 * The recovery agent: attached to any Kafka Streams application with {@code -javaagent:recovery-agent.jar} (the
 * platforms set it through {@code JAVA_TOOL_OPTIONS}), it gives the application's first {@code KafkaStreams} the
 * telemetry the trade-stats app writes itself: state changes, task assignments, restores, standby updates,
 * readiness, memory and fatal errors, as JSON lines on stdout. It wraps the application's own listeners and
 * exception handler, never replaces them, and changes nothing else (docs/agent.md), unless told to turn the record
 * cache off ({@link RecordCacheSwitch}), which a reference run asks for.
 *
 * <p>The agent's argument, {@code instance=NAME}, names the instance in every line; without it the instance is the
 * {@value AgentSettings#POD_NAME} environment variable, else the host name.
 */
public final class RecoveryAgent {

    static final String KAFKA_STREAMS = "org.apache.kafka.streams.KafkaStreams";

    private RecoveryAgent() {
    }

    public static void premain(String arguments, Instrumentation instrumentation) {
        AgentSettings settings = AgentSettings.parse(arguments, System.getenv());
        AttachedInstances.configure(settings);
        if (settings.recordCacheOff()) {
            System.err.println("recovery-agent: " + RecordCacheSwitch.VARIABLE + "=" + RecordCacheSwitch.OFF
                    + ": the record cache of this KafkaStreams is set to 0, every update of a store is written");
        }
        new AgentBuilder.Default()
                .disableClassFormatChanges()
                // By name alone: the default ignore rule reads every class's modifiers, which parses each class the
                // JVM loads (thousands, in a Kafka Streams app) and costs the app seconds at start.
                .ignore(ElementMatchers.not(ElementMatchers.named(KAFKA_STREAMS)))
                .type(ElementMatchers.named(KAFKA_STREAMS))
                .transform(new AgentBuilder.Transformer.ForAdvice()
                        .include(RecoveryAgent.class.getClassLoader())
                        .advice(ElementMatchers.isConstructor(), KafkaStreamsAdvice.Created.class.getName())
                        .advice(ElementMatchers.namedOneOf(Arrays.stream(ListenerSetter.values()).map(ListenerSetter::method)
                                        .toArray(String[]::new)).and(ElementMatchers.takesArguments(1)),
                                KafkaStreamsAdvice.ListenerSet.class.getName()))
                .installOn(instrumentation);
    }

    /** The same, for an agent loaded into a running JVM: only a {@code KafkaStreams} created after it is seen. */
    public static void agentmain(String arguments, Instrumentation instrumentation) {
        premain(arguments, instrumentation);
    }
}
