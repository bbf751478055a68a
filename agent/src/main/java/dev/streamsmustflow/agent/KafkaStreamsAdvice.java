package dev.streamsmustflow.agent;

import net.bytebuddy.asm.Advice;
import net.bytebuddy.implementation.bytecode.assign.Assigner;

/**
 * The code the agent weaves into {@code KafkaStreams}: before a constructor, the settings it is given are the
 * application's, or the same with the record cache off where the agent was told so ({@link AgentSettings}); after
 * it, the instance is attached; before each
 * {@link ListenerSetter}, the application's argument is wrapped so that the agent's telemetry runs first and the
 * application's own listener or handler after it, as before. The woven code calls {@link AttachedInstances} only,
 * with {@code Object}s, so that it links in whatever class loader loaded Kafka Streams.
 */
final class KafkaStreamsAdvice {

    private KafkaStreamsAdvice() {
    }

    static final class Created {
        private Created() {
        }

        @Advice.OnMethodEnter
        static void enter(@Advice.AllArguments(readOnly = false, typing = Assigner.Typing.DYNAMIC) Object[] arguments) {
            arguments = AttachedInstances.configured(arguments);
        }

        @Advice.OnMethodExit
        static void exit(@Advice.This Object streams, @Advice.AllArguments Object[] arguments) {
            AttachedInstances.created(streams, arguments);
        }
    }

    static final class ListenerSet {
        private ListenerSet() {
        }

        @Advice.OnMethodEnter
        static void enter(@Advice.This Object streams, @Advice.Origin("#m") String setter,
                @Advice.Argument(value = 0, readOnly = false, typing = Assigner.Typing.DYNAMIC) Object argument) {
            argument = AttachedInstances.wrapped(streams, setter, argument);
        }
    }
}
