package dev.streamsmustflow.recovery.history;

import java.util.Map;
import java.util.NavigableSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Where the app's tasks resumed processing, per input partition: the offsets of the first records
 * new task instances processed ({@code processing-resumed}). Kafka Streams keeps the windowed
 * aggregation's stream time in the processor, so it starts over at each of these offsets; an oracle
 * that models late records must start over there too.
 */
public final class ResumePoints {

    private ResumePoints() {
    }

    /** Input partition to the offsets where a task instance of it began, from the whole history. */
    public static Map<Integer, NavigableSet<Long>> of(History history) {
        Map<Integer, NavigableSet<Long>> points = new TreeMap<>();
        for (HistoryEvent event : history.select(event -> event.is(EventType.PROCESSING_RESUMED))) {
            AppEvent resumed = new AppEvent(event);
            if (resumed.partition() != null && resumed.offset() != null) {
                points.computeIfAbsent(resumed.partition(), key -> new TreeSet<>()).add(resumed.offset());
            }
        }
        return points;
    }
}
