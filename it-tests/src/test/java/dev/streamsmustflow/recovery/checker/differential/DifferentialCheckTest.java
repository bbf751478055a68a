package dev.streamsmustflow.recovery.checker.differential;

import static dev.streamsmustflow.recovery.deployment.ProcessingGuarantee.AT_LEAST_ONCE;
import static dev.streamsmustflow.recovery.deployment.ProcessingGuarantee.EXACTLY_ONCE_V2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.streamsmustflow.recovery.checker.Validity;
import dev.streamsmustflow.recovery.deployment.ProcessingGuarantee;
import dev.streamsmustflow.recovery.deployment.descriptor.OutputSemantics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DifferentialCheckTest {

    private final DifferentialCheck check = new DifferentialCheck(2);

    /** A word count's updates: key "flow" counted 1 to 5, key "streams" 1 to 3, interleaved. */
    private static final List<KeyedRecord> COUNTS = records(
            "flow=1", "streams=1", "flow=2", "flow=3", "streams=2", "flow=4", "streams=3", "flow=5");

    @Test
    void aTableThatSkipsValuesAsARecordCacheDoesAndRepeatsItsLatestIsValid() {
        TopicComparison comparison = table(EXACTLY_ONCE_V2, COUNTS,
                records("flow=2", "streams=1", "flow=2", "flow=5", "streams=3", "flow=5"));

        assertEquals(Map.of(), comparison.counts(), comparison.summary());
        assertEquals(Validity.VALID, comparison.validity());
    }

    @Test
    void aCountKeptOutsideTheStateStoreRestartsAfterACrashAndTheTableSaysWhichKey() {
        // the app counted flow up to 3, crashed, and its replacement counted the last two from 1 again
        TopicComparison comparison = table(EXACTLY_ONCE_V2, COUNTS,
                records("flow=1", "streams=1", "flow=2", "flow=3", "streams=2", "flow=1", "streams=3", "flow=2"));

        assertEquals(Validity.INVALID, comparison.validity(), comparison.summary());
        assertEquals(Map.of(DifferenceKind.REGRESSED, 2L, DifferenceKind.WRONG_FINAL, 1L), comparison.counts());
        assertEquals(List.of(new Difference(DifferenceKind.REGRESSED, "flow", "a value at or after 3", "1"),
                new Difference(DifferenceKind.REGRESSED, "flow", "a value at or after 3", "2"),
                new Difference(DifferenceKind.WRONG_FINAL, "flow", "5", "2")), comparison.examples(),
                "two examples of each kind: the regressions do not hide the key that ended wrong");
        TopicComparison withoutTheCrash = table(EXACTLY_ONCE_V2, COUNTS, COUNTS);
        assertEquals(Validity.VALID, withoutTheCrash.validity(), withoutTheCrash.summary());
    }

    @Test
    void aTableValueTheReferenceNeverHadComesFromNowhereUnderEitherGuarantee() {
        // at-least-once counted one input twice: 4 became 5 a record early, then 6
        List<KeyedRecord> seen = records("flow=1", "flow=2", "flow=3", "flow=5", "flow=6", "streams=3");
        for (ProcessingGuarantee guarantee : ProcessingGuarantee.values()) {
            TopicComparison comparison = table(guarantee, COUNTS, seen);

            assertEquals(Validity.INVALID, comparison.validity(), comparison.summary());
            assertEquals(1L, comparison.count(DifferenceKind.FROM_NOWHERE), comparison.summary());
            assertEquals(1L, comparison.count(DifferenceKind.WRONG_FINAL), comparison.summary());
        }
    }

    @Test
    void aValueThatComesBackLaterInTheReferenceIsNoRegression() {
        // a table may hold a value again: a → b → a
        List<KeyedRecord> reference = records("k=a", "k=b", "k=a");

        assertEquals(Validity.VALID, table(EXACTLY_ONCE_V2, reference, records("k=b", "k=a")).validity());
        TopicComparison backAgain = table(EXACTLY_ONCE_V2, reference, records("k=a", "k=b", "k=a", "k=b"));
        assertEquals(Map.of(DifferenceKind.REGRESSED, 1L, DifferenceKind.WRONG_FINAL, 1L), backAgain.counts(),
                backAgain.summary());
    }

    @Test
    void aTableMissingAKeyOrWithAKeyOfItsOwnIsInvalid() {
        TopicComparison comparison = table(EXACTLY_ONCE_V2, COUNTS, records("flow=5", "tables=1"));

        assertEquals(Map.of(DifferenceKind.MISSING_KEY, 1L, DifferenceKind.UNEXPECTED_KEY, 1L), comparison.counts());
        assertEquals(List.of(new Difference(DifferenceKind.MISSING_KEY, "streams", "3", null),
                new Difference(DifferenceKind.UNEXPECTED_KEY, "tables", null, "1")), comparison.examples());
    }

    @Test
    void aTombstoneIsAValueLikeAnyOther() {
        List<KeyedRecord> reference = List.of(new KeyedRecord("k", "a"), new KeyedRecord("k", null));

        assertEquals(Validity.VALID, table(EXACTLY_ONCE_V2, reference, reference).validity());
        TopicComparison notDeleted = table(EXACTLY_ONCE_V2, reference, List.of(new KeyedRecord("k", "a")));
        assertEquals(List.of(new Difference(DifferenceKind.WRONG_FINAL, "k", null, "a")), notDeleted.examples());
    }

    @Test
    void aStreamInAnotherOrderIsTheSameStream() {
        List<KeyedRecord> reordered = new ArrayList<>(COUNTS);
        Collections.reverse(reordered);

        assertEquals(Validity.VALID, stream(EXACTLY_ONCE_V2, COUNTS, reordered).validity());
    }

    @Test
    void aDuplicateInAStreamBreaksExactlyOnceOnlyAndIsCountedUnderBoth() {
        List<KeyedRecord> seen = new ArrayList<>(COUNTS);
        seen.add(new KeyedRecord("flow", "3"));
        seen.add(new KeyedRecord("flow", "3"));

        TopicComparison exactlyOnce = stream(EXACTLY_ONCE_V2, COUNTS, seen);
        TopicComparison atLeastOnce = stream(AT_LEAST_ONCE, COUNTS, seen);

        assertEquals(Validity.INVALID, exactlyOnce.validity());
        assertEquals(Validity.VALID, atLeastOnce.validity());
        assertEquals(Map.of(DifferenceKind.DUPLICATE, 2L), atLeastOnce.counts());
        assertEquals(new Difference(DifferenceKind.DUPLICATE, "flow", "flow=3 ×1", "flow=3 ×3"),
                atLeastOnce.examples().get(0));
    }

    @Test
    void aStreamMissingARecordOrWithOneOfItsOwnIsInvalidUnderEitherGuarantee() {
        List<KeyedRecord> seen = new ArrayList<>(COUNTS.subList(1, COUNTS.size()));
        seen.add(new KeyedRecord("flow", "6"));
        for (ProcessingGuarantee guarantee : ProcessingGuarantee.values()) {
            TopicComparison comparison = stream(guarantee, COUNTS, seen);

            assertEquals(Validity.INVALID, comparison.validity(), comparison.summary());
            assertEquals(Map.of(DifferenceKind.MISSING_RECORD, 1L, DifferenceKind.UNEXPECTED_RECORD, 1L),
                    comparison.counts());
        }
    }

    @Test
    void finalOnlyLooksAtTheLastValueAlone() {
        TopicComparison wentBackOnTheWay = check.compare("out", OutputSemantics.FINAL_ONLY, EXACTLY_ONCE_V2, COUNTS,
                records("flow=4", "flow=2", "streams=3", "flow=5"));
        TopicComparison endedWrong = check.compare("out", OutputSemantics.FINAL_ONLY, EXACTLY_ONCE_V2, COUNTS,
                records("flow=5", "streams=2"));

        assertEquals(Validity.VALID, wentBackOnTheWay.validity(), wentBackOnTheWay.summary());
        assertEquals(List.of(new Difference(DifferenceKind.WRONG_FINAL, "streams", "3", "2")), endedWrong.examples());
    }

    @ParameterizedTest
    @EnumSource(OutputSemantics.class)
    void everyDifferenceIsCountedThoughOnlyTheFirstOfEachKindAreKeptAsExamples(OutputSemantics semantics) {
        List<KeyedRecord> reference = records("a=1", "b=1", "c=1", "d=1", "e=1");

        TopicComparison comparison = check.compare("out", semantics, EXACTLY_ONCE_V2, reference, List.of());

        long counted = comparison.counts().values().stream().mapToLong(Long::longValue).sum();
        assertEquals(5, counted, comparison.summary());
        assertEquals(2, comparison.examples().size());
        assertEquals(Validity.INVALID, comparison.validity());
    }

    @Test
    void aNegativeNumberOfExamplesIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new DifferentialCheck(-1));
    }

    private TopicComparison table(ProcessingGuarantee guarantee, List<KeyedRecord> reference, List<KeyedRecord> seen) {
        return check.compare("word-counts", OutputSemantics.TABLE, guarantee, reference, seen);
    }

    private TopicComparison stream(ProcessingGuarantee guarantee, List<KeyedRecord> reference, List<KeyedRecord> seen) {
        return check.compare("words", OutputSemantics.STREAM, guarantee, reference, seen);
    }

    private static List<KeyedRecord> records(String... keyEqualsValue) {
        return Arrays.stream(keyEqualsValue).map(text -> {
            int equals = text.indexOf('=');
            return new KeyedRecord(text.substring(0, equals), text.substring(equals + 1));
        }).toList();
    }
}
