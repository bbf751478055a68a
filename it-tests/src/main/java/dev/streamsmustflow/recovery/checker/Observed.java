package dev.streamsmustflow.recovery.checker;

import java.util.List;
import java.util.Map;
import java.util.NavigableSet;

/**
 * What a run produced and reported, for the oracle to check against what was sent.
 *
 * @param input the input topic, read back after the run
 * @param output the output topic, read with {@code read_committed}
 * @param deadLetters the dead-letter topic, read the same way
 * @param resumes per input partition, the offsets where a task instance resumed processing
 */
public record Observed(List<InputRecord> input, List<OutputRecord> output, List<DeadLetterRecord> deadLetters,
        Map<Integer, NavigableSet<Long>> resumes) {
}
