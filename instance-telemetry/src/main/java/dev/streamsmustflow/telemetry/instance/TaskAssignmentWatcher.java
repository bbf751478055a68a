package dev.streamsmustflow.telemetry.instance;

import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.TaskMetadata;
import org.apache.kafka.streams.ThreadMetadata;

/**
 * Kafka Streams has no listener for task assignment, so this reads the local threads' metadata
 * every {@value #PERIOD_MS} ms and reports changes. The assignment timestamps in the telemetry are
 * therefore accurate to that period.
 */
public final class TaskAssignmentWatcher implements AutoCloseable {

    public static final long PERIOD_MS = 50;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "task-assignment-watcher");
        thread.setDaemon(true);
        return thread;
    });

    public TaskAssignmentWatcher(KafkaStreams streams, InstanceStatus status) {
        scheduler.scheduleAtFixedRate(() -> observe(streams, status), 0, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    private static void observe(KafkaStreams streams, InstanceStatus status) {
        Set<String> active = new TreeSet<>();
        Set<String> standby = new TreeSet<>();
        KafkaStreams.State state = streams.state();
        if (state == KafkaStreams.State.RUNNING || state == KafkaStreams.State.REBALANCING) {
            try {
                for (ThreadMetadata thread : streams.metadataForLocalThreads()) {
                    thread.activeTasks().stream().map(TaskMetadata::taskId).map(Object::toString).forEach(active::add);
                    thread.standbyTasks().stream().map(TaskMetadata::taskId).map(Object::toString).forEach(standby::add);
                }
            } catch (IllegalStateException e) {
                return; // the state changed while reading; the next round sees the new one
            }
        }
        status.tasksChanged(active, standby);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
