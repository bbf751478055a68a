package dev.streamsmustflow.recovery.checker;

import dev.streamsmustflow.recovery.workload.GeneratedTrade;
import dev.streamsmustflow.recovery.workload.MalformedRecord;
import dev.streamsmustflow.recovery.workload.SentRecords.Delivered;
import dev.streamsmustflow.recovery.workload.SentRecords;
import dev.streamsmustflow.recovery.workload.WorkloadRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the app was given: the input topic as the broker holds it, each record matched to the workload
 * record it is. A record at the place the broker acknowledged is that record; a record elsewhere with
 * the key and value of a sent record is a second copy of it, which the app must process like any other
 * record. The expected output follows from this log, not from the workload's own account.
 */
final class InputLog {

    private record Content(String key, String value) {
    }

    private record Place(int partition, long offset) {
    }

    private final List<Delivered> logged = new ArrayList<>();
    private final InputAudit audit;

    private InputLog(SentRecords sent, List<InputRecord> input) {
        List<Delivered> acknowledged = sent.acknowledged();
        Map<Place, WorkloadRecord> byPlace = new HashMap<>();
        Map<Content, WorkloadRecord> byContent = new HashMap<>();
        acknowledged.forEach(one -> {
            byPlace.put(new Place(one.partition(), one.offset()), one.record());
            byContent.putIfAbsent(new Content(one.record().key(), one.record().value()), one.record());
        });
        long found = 0;
        long duplicates = 0;
        long foreign = 0;
        for (InputRecord record : input) {
            Content content = new Content(record.key(), record.value());
            WorkloadRecord atPlace = byPlace.get(new Place(record.partition(), record.offset()));
            WorkloadRecord workloadRecord;
            if (atPlace != null && content.equals(new Content(atPlace.key(), atPlace.value()))) {
                found++;
                workloadRecord = atPlace;
            } else if (byContent.containsKey(content)) {
                duplicates++;
                workloadRecord = byContent.get(content);
            } else {
                foreign++;
                continue;
            }
            logged.add(new Delivered(workloadRecord, record.partition(), record.offset()));
        }
        logged.sort(Comparator.comparingInt(Delivered::partition).thenComparingLong(Delivered::offset));
        audit = new InputAudit(input.size(), acknowledged.size(), acknowledged.size() - found, duplicates, foreign);
    }

    static InputLog of(SentRecords sent, List<InputRecord> input) {
        return new InputLog(sent, input);
    }

    /** The trades in the input topic, copies included, by partition and offset. */
    List<Delivered> trades() {
        return logged.stream().filter(one -> one.record() instanceof GeneratedTrade).toList();
    }

    /** The malformed records in the input topic, copies included, by partition and offset. */
    List<Delivered> malformed() {
        return logged.stream().filter(one -> one.record() instanceof MalformedRecord).toList();
    }

    InputAudit audit() {
        return audit;
    }
}
