package dev.streamsmustflow.telemetry;

/**
 * How the harness asks the recovery agent to turn an application's record cache off, for a fault-free reference run
 * that must write every update: the environment variable {@value #VARIABLE} set to {@value #OFF}. Absent, the agent
 * changes no setting; any other value stops the JVM at start with the variable named.
 */
public final class RecordCacheSwitch {

    public static final String VARIABLE = "RECOVERY_AGENT_RECORD_CACHE";
    public static final String OFF = "off";

    private RecordCacheSwitch() {
    }
}
