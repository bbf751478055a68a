package dev.streamsmustflow.recovery.history;

import java.util.List;
import java.util.Map;

/**
 * The lag events as the history records them, and the one place that names their fields: a sample of the
 * committed input offsets' lag ({@link EventType#LAG_SAMPLED}), the pre-fault level
 * ({@link EventType#LAG_LEVEL}), and the moment the app caught up under load ({@link EventType#CAUGHT_UP}).
 */
public final class LagEvents {

    private static final String LAG = "lag";
    private static final String BOUND = "bound";
    private static final String HIGHEST = "highest";
    private static final String RATE = "ratePerSecond";
    private static final String HELD_MS = "heldMs";

    /** A lag sample: records behind the input's end over all its partitions, at {@code time}. */
    public record Sample(long time, long lag) {
    }

    private LagEvents() {
    }

    public static void recordSample(History history, long time, long lag) {
        history.append(new HistoryEvent(time, EventType.LAG_SAMPLED, null, null, Map.of(LAG, lag)));
    }

    static void recordLevel(History history, LagLevel level) {
        history.append(new HistoryEvent(level.time(), EventType.LAG_LEVEL, null, null, Map.of(HIGHEST, level.highest(),
                BOUND, level.bound(), RATE, level.ratePerSecond())));
    }

    /** Records that the lag fell back under its bound at {@code since} and stayed there for {@code heldMs}. */
    public static void recordCaughtUp(History history, long since, long heldMs) {
        history.append(new HistoryEvent(since, EventType.CAUGHT_UP, null, null, Map.of(HELD_MS, heldMs)));
    }

    /** The samples among {@code events}, in their order. */
    public static List<Sample> samples(List<HistoryEvent> events) {
        return events.stream().filter(event -> event.is(EventType.LAG_SAMPLED) && event.longField(LAG) != null)
                .map(event -> new Sample(event.time(), event.longField(LAG))).toList();
    }

    /** The last pre-fault level among {@code events}, or null where none was measured (the input did not flow). */
    public static LagLevel level(List<HistoryEvent> events) {
        return events.stream().filter(event -> event.is(EventType.LAG_LEVEL)).reduce((first, second) -> second)
                .map(event -> new LagLevel(event.time(), event.longField(HIGHEST), event.longField(BOUND),
                        event.longField(RATE)))
                .orElse(null);
    }
}
