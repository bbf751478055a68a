package dev.streamsmustflow.recovery.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpreadTest {

    @Test
    void anOddCountHasTheMiddleValueAsMedian() {
        assertEquals(new Spread(3, 200, 100, 300, 300), Spread.of(List.of(300L, 100L, 200L)));
    }

    @Test
    void anEvenCountHasTheMeanOfTheTwoMiddleValuesAsMedian() {
        assertEquals(new Spread(4, 250, 100, 400, 400), Spread.of(List.of(400L, 100L, 300L, 200L)));
        assertEquals(125.5, Spread.of(List.of(100L, 151L)).median());
        assertEquals(126, Spread.of(List.of(100L, 151L)).roundedMedian());
    }

    @Test
    void theNinetiethPercentileIsTheNearestRank() {
        // ten values: 90 % of them are at most the ninth
        List<Long> tens = List.of(1_000L, 100L, 200L, 300L, 400L, 500L, 600L, 700L, 800L, 900L);
        assertEquals(new Spread(10, 550, 100, 1_000, 900), Spread.of(tens));
    }

    @Test
    void aSingleValueIsItsOwnSpread() {
        assertEquals(new Spread(1, 7, 7, 7, 7), Spread.of(List.of(7L)));
    }

    @Test
    void missingValuesAreLeftOutAndCounted() {
        assertEquals(new Spread(2, 200, 100, 300, 300), Spread.of(Arrays.asList(null, 100L, null, 300L)));
        assertNull(Spread.of(Arrays.asList(null, null)));
        assertNull(Spread.of(List.of()));
    }
}
