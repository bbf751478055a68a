package dev.streamsmustflow.recovery.nemesis;

import dev.streamsmustflow.recovery.platform.Capability;
import dev.streamsmustflow.recovery.platform.PodView;
import java.util.List;
import java.util.Set;

/**
 * {@link Fault#BROKER_RESTART}: the Kafka broker is stopped (SIGTERM, as a rolling broker upgrade does)
 * and started again on the same address and data, while the pods keep running and trades keep coming.
 * No pod is hit.
 */
final class BrokerRestart implements Nemesis {

    @Override
    public List<PodView> targets(List<PodView> running) {
        return List.of();
    }

    @Override
    public void inject(FaultScope scope, List<PodView> targets) {
        scope.platform().restartBroker(scope.history());
    }

    @Override
    public Expectation expectation() {
        return Expectation.PODS_UNTOUCHED;
    }

    @Override
    public Set<Capability> needs() {
        return Set.of(Capability.RESTART_BROKER);
    }
}
