package dev.streamsmustflow.recovery.scenario;

import dev.streamsmustflow.recovery.deployment.AppSettings;
import dev.streamsmustflow.recovery.deployment.GroupProtocol;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;

/**
 * Under {@code group.protocol=streams} (KIP-1071) the session timeout, the heartbeat interval and the
 * standby replicas are the group's settings on the broker; the app's own {@code session.timeout.ms},
 * {@code heartbeat.interval.ms} and {@code num.standby.replicas} are not used. So that a scenario
 * compares protocols and not settings, the harness gives the group what the pods ask for, before they
 * start. Under the classic protocol it sets nothing.
 */
public final class StreamsGroupSettings {

    private StreamsGroupSettings() {
    }

    /** The group settings for {@code settings}: empty unless the pods use the streams protocol. */
    public static Map<String, String> of(AppSettings settings) {
        Map<String, String> group = new LinkedHashMap<>();
        if (settings.effectiveGroupProtocol() == GroupProtocol.STREAMS) {
            group.put("streams.session.timeout.ms", Long.toString(settings.effectiveSessionTimeoutMs()));
            group.put("streams.heartbeat.interval.ms", Long.toString(settings.effectiveHeartbeatIntervalMs()));
            group.put("streams.num.standby.replicas", Integer.toString(settings.effectiveStandbyReplicas()));
        }
        return group;
    }

    /** Sets {@link #of} on the group {@code groupId}; a broker that refuses a value fails the scenario naming it. */
    public static void apply(Admin admin, String groupId, AppSettings settings) {
        Map<String, String> group = of(settings);
        if (group.isEmpty()) {
            return;
        }
        List<AlterConfigOp> changes = group.entrySet().stream()
                .map(entry -> new AlterConfigOp(new ConfigEntry(entry.getKey(), entry.getValue()), AlterConfigOp.OpType.SET))
                .toList();
        try {
            admin.incrementalAlterConfigs(Map.of(new ConfigResource(ConfigResource.Type.GROUP, groupId), changes)).all().get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the broker refused the streams group settings " + group + " of " + groupId
                    + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while setting the streams group settings of " + groupId, e);
        }
    }
}
