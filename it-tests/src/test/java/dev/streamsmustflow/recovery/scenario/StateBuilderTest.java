package dev.streamsmustflow.recovery.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StateBuilderTest {

    @Test
    void theNextRoundSendsWhatTheRecordsPerTradeSeenSoFarSayIsMissingAndFivePercentMore() {
        // 100,000 trades made 25,000 changelog records (the cache merged four of five updates): 0.25 a trade
        assertEquals(1_260_000, StateBuilder.nextRound(300_000, 25_000, 100_000));
        // one record a trade, one record missing: 1.05 rounded up
        assertEquals(2, StateBuilder.nextRound(1, 1_000, 1_000));
    }

    @Test
    void theNextRoundSendsAtLeastOneTrade() {
        assertEquals(1, StateBuilder.nextRound(0, 5_000, 1_000));
    }
}
