package dev.streamsmustflow.recovery.checker;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether the successive updates of a window, in the order a consumer reads them, go back: a count
 * that decreases, or a value that comes back after a different, later one (a rollback such as A, B,
 * A). A consumer that reads the output as a table shows each update in turn, so either is wrong
 * output whatever the guarantee. The same value twice in a row does not go back.
 */
final class UpdateOrder {

    private UpdateOrder() {
    }

    /** The position of the first update that goes back, or -1 when none does. */
    static int firstGoingBack(List<WindowAggregate> updates) {
        Map<WindowAggregate, Integer> lastSeen = new HashMap<>();
        long highestCount = Long.MIN_VALUE;
        for (int at = 0; at < updates.size(); at++) {
            WindowAggregate update = updates.get(at);
            Integer seen = lastSeen.get(update);
            boolean rollback = seen != null && seen != at - 1;
            if (update.count() < highestCount || rollback) {
                return at;
            }
            highestCount = Math.max(highestCount, update.count());
            lastSeen.put(update, at);
        }
        return -1;
    }
}
