package dev.streamsmustflow.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentSettingsTest {

    @Test
    void theArgumentNamesTheInstanceBeforeThePodNameAndTheHost() {
        Map<String, String> environment = Map.of("POD_NAME", "word-count-1", "HOSTNAME", "node-a");

        assertEquals("word-count-0", AgentSettings.parse("instance=word-count-0", environment).instance());
        assertEquals("word-count-1", AgentSettings.parse(null, environment).instance());
        assertEquals("word-count-1", AgentSettings.parse("", environment).instance());
        assertEquals("node-a", AgentSettings.parse(null, Map.of("HOSTNAME", "node-a")).instance());
        assertEquals("pid-" + ProcessHandle.current().pid(), AgentSettings.parse(null, Map.of()).instance());
    }

    @Test
    void theRecordCacheIsTurnedOffOnlyByItsVariableSetToOff() {
        assertFalse(AgentSettings.parse(null, Map.of()).recordCacheOff());
        assertFalse(AgentSettings.parse(null, Map.of("RECOVERY_AGENT_RECORD_CACHE", "")).recordCacheOff());
        assertTrue(AgentSettings.parse(null, Map.of("RECOVERY_AGENT_RECORD_CACHE", "off")).recordCacheOff());

        IllegalArgumentException other = assertThrows(IllegalArgumentException.class,
                () -> AgentSettings.parse(null, Map.of("RECOVERY_AGENT_RECORD_CACHE", "0")));
        assertTrue(other.getMessage().contains("RECOVERY_AGENT_RECORD_CACHE must be 'off' or unset, was '0'"),
                other.getMessage());
    }

    @Test
    void aTypoOrAPairWithoutValueIsRefusedWithItsName() {
        IllegalArgumentException typo = assertThrows(IllegalArgumentException.class,
                () -> AgentSettings.parse("instnace=a", Map.of()));
        assertTrue(typo.getMessage().contains("unknown argument 'instnace'"), typo.getMessage());

        IllegalArgumentException bare = assertThrows(IllegalArgumentException.class,
                () -> AgentSettings.parse("instance", Map.of()));
        assertTrue(bare.getMessage().contains("'instance' is no key=value pair"), bare.getMessage());
    }
}
