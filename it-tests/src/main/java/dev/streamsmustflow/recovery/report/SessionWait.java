package dev.streamsmustflow.recovery.report;

import dev.streamsmustflow.recovery.deployment.AppSettings;
import dev.streamsmustflow.recovery.deployment.AppVariable;
import dev.streamsmustflow.recovery.deployment.GroupProtocol;
import dev.streamsmustflow.recovery.history.RecoveryTimeline;
import dev.streamsmustflow.recovery.nemesis.Fault;
import dev.streamsmustflow.recovery.scenario.RecoveryResult;
import java.util.List;
import java.util.Map;

/**
 * Whether a run's rebalance waited for the stopped pod's session to expire. Under the classic protocol
 * Kafka Streams closes its consumer without leaving the group (unless the app sets
 * {@code LEAVE_GROUP_ON_CLOSE=true}), so after a graceful delete a dynamic member stays in the group
 * until its session times out, and the coordinator waits for it before it ends the rebalance. The
 * session expires between a heartbeat interval and a session timeout after the pod's process ended:
 * a run whose replacement got its tasks in that window (with a second's slack on either side) is
 * counted as waiting.
 */
final class SessionWait implements Finding {

    static final long SLACK_MS = 1_000;
    /** How long after the stopped pod's process ended the replacement got its tasks, in a run that waited. */
    static final Figure WAITED = new Figure("sessionWait", "waitedForSession", SessionWait::waited);

    @Override
    public List<Figure> figures() {
        return List.of(WAITED);
    }

    @Override
    public List<String> sentences(ReportContext report) {
        return report.groupsWith(WAITED).stream().map(group -> report.inRuns(group, WAITED)
                + " the replacement got its tasks " + ReportFormat.ms(group.figure(WAITED).roundedMedian()) + " after the "
                + "deleted pod's process ended (median), when that pod's session expired: under the classic protocol Kafka "
                + "Streams closes without leaving the group, and the coordinator waits for the closed member until its "
                + "session times out (LEAVE_GROUP_ON_CLOSE=true leaves instead).").toList();
    }

    /** How long after the stopped pod's process ended the replacement got its tasks, if the run waited; else null. */
    static Long waited(RecoveryResult result) {
        Map<String, String> settings = result.setup().appSettings();
        Long session = result.setup().sessionTimeoutMs();
        RecoveryTimeline timeline = result.measurements().timeline();
        if (settings == null || session == null || timeline == null || timeline.processGone() == null
                || timeline.tasksAssigned() == null || result.setup().fault() != Fault.POD_DELETE
                || Boolean.parseBoolean(settings.get(AppVariable.STATIC_MEMBERSHIP.name()))
                || Boolean.parseBoolean(settings.get(AppVariable.LEAVE_GROUP_ON_CLOSE.name()))
                || GroupProtocol.STREAMS.setting().equals(settings.get(AppVariable.GROUP_PROTOCOL.name()))) {
            return null;
        }
        String heartbeatSetting = settings.get(AppVariable.KAFKA_STREAMS_HEARTBEAT_INTERVAL_MS.name());
        long heartbeat = heartbeatSetting != null ? Long.parseLong(heartbeatSetting.strip()) : AppSettings.KAFKA_HEARTBEAT_INTERVAL_MS;
        long waited = timeline.tasksAssigned() - timeline.processGone();
        boolean inWindow = waited >= session - heartbeat - SLACK_MS && waited <= session + SLACK_MS;
        return inWindow ? waited : null;
    }
}
