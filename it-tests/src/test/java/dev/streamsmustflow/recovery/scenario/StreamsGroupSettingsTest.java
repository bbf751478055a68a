package dev.streamsmustflow.recovery.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.streamsmustflow.recovery.deployment.AppSettings;
import dev.streamsmustflow.recovery.deployment.AppVariable;
import dev.streamsmustflow.recovery.deployment.ProcessingGuarantee;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StreamsGroupSettingsTest {

    private final AppSettings classic = AppSettings.forScenario(ProcessingGuarantee.EXACTLY_ONCE_V2, 12_000);

    @Test
    void theClassicProtocolTakesItsSettingsFromThePodsAndGetsNoGroupSettings() {
        assertEquals(Map.of(), StreamsGroupSettings.of(classic.withEnv(AppVariable.NUM_STANDBY_REPLICAS, "1")));
    }

    @Test
    void theStreamsProtocolGetsThePodsSessionTimeoutHeartbeatAndStandbysAsGroupSettings() {
        AppSettings streams = classic.withEnv(AppVariable.GROUP_PROTOCOL, "streams")
                .withEnv(AppVariable.NUM_STANDBY_REPLICAS, "2");

        assertEquals(Map.of("streams.session.timeout.ms", "12000", "streams.heartbeat.interval.ms", "4000",
                "streams.num.standby.replicas", "2"), StreamsGroupSettings.of(streams));
        assertEquals("0", StreamsGroupSettings.of(classic.withEnv(AppVariable.GROUP_PROTOCOL, "streams"))
                .get("streams.num.standby.replicas"), "no standbys asked for, none set");
    }
}
