package dev.streamsmustflow.recovery.platform.local;

import dev.streamsmustflow.recovery.scenario.RunDirectory;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One local platform, a real broker, for the integration tests that only need a broker and deploy pods of their
 * own: the first that asks for it ({@code @ExtendWith(SharedLocalPlatform.class)} and a {@link LocalPlatform}
 * parameter) starts it, and JUnit closes it when the test run in this JVM ends, also after a failure, so that five
 * test classes pay for one broker's start. A test that uses it must leave the broker as it found it but for topics
 * and groups of its own names: no restart, no broker setting. The recovery suite, which restarts its broker, keeps
 * its own.
 */
public final class SharedLocalPlatform implements ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SharedLocalPlatform.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == LocalPlatform.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(LocalPlatform.class,
                key -> new Started(LocalPlatform.start(RunDirectory.create("local-integration"), PodJvm.QUICK_START)),
                Started.class).platform();
    }

    /** The platform as JUnit's store holds it: closed with the store, at the end of the run. */
    private record Started(LocalPlatform platform) implements ExtensionContext.Store.CloseableResource {

        @Override
        public void close() {
            platform.close();
        }
    }
}
