package dev.streamsmustflow.recovery.scenario;

import dev.streamsmustflow.recovery.history.AppEvent;
import dev.streamsmustflow.recovery.history.EventType;
import dev.streamsmustflow.recovery.history.History;
import dev.streamsmustflow.recovery.history.HistoryEvent;
import dev.streamsmustflow.recovery.platform.PodView;
import java.util.List;

/**
 * What a pod's app last reported in its current container: its last state change and the tasks it was last
 * given, each null when it has not reported one since it started.
 */
record PodReport(HistoryEvent lastState, HistoryEvent lastTasks) {

    static PodReport of(PodView pod, History history) {
        List<HistoryEvent> own = history.select(event -> pod.uid().equals(event.uid())
                && (event.is(EventType.STATE_CHANGE) || event.is(EventType.TASKS_ASSIGNED) || event.is(EventType.STARTED)));
        HistoryEvent lastState = null;
        HistoryEvent lastTasks = null;
        for (HistoryEvent event : own) {
            if (event.is(EventType.STARTED)) {
                // a container restart in place: what the previous run reported no longer holds
                lastState = null;
                lastTasks = null;
            } else if (event.is(EventType.STATE_CHANGE)) {
                lastState = event;
            } else {
                lastTasks = event;
            }
        }
        return new PodReport(lastState, lastTasks);
    }

    boolean running() {
        return lastState != null && new AppEvent(lastState).enteredRunning();
    }

    List<String> activeTasks() {
        return lastTasks == null ? List.of() : new AppEvent(lastTasks).activeTasks();
    }

    List<String> standbyTasks() {
        return lastTasks == null ? List.of() : new AppEvent(lastTasks).standbyTasks();
    }

    /** When the later of the two reports came; 0 when neither did. */
    long since() {
        return Math.max(lastState == null ? 0 : lastState.time(), lastTasks == null ? 0 : lastTasks.time());
    }
}
