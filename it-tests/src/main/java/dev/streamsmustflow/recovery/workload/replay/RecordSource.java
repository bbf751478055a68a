package dev.streamsmustflow.recovery.workload.replay;

import java.util.ArrayList;
import java.util.List;

/** Where a described app's input records come from, one after the other, without end: a file replayed, a generator. */
public interface RecordSource {

    ReplayRecord next();

    /** The next {@code count} records. */
    default List<ReplayRecord> take(int count) {
        List<ReplayRecord> taken = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            taken.add(next());
        }
        return taken;
    }
}
