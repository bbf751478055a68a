package dev.streamsmustflow.recovery.deployment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** The app's {@code PROCESSING_GUARANTEE}: what the oracle may tolerate and how a scenario id names it. */
public enum ProcessingGuarantee {
    EXACTLY_ONCE_V2("exactly_once_v2", "eos"),
    AT_LEAST_ONCE("at_least_once", "alos");

    private final String setting;
    private final String shortName;

    ProcessingGuarantee(String setting, String shortName) {
        this.setting = setting;
        this.shortName = shortName;
    }

    /** The value of the app's setting, also how results and reports write it. */
    @JsonValue
    public String setting() {
        return setting;
    }

    /** {@code eos} or {@code alos}, for scenario ids. */
    public String shortName() {
        return shortName;
    }

    public boolean exactlyOnce() {
        return this == EXACTLY_ONCE_V2;
    }

    /** The guarantee of a setting value ({@code exactly_once_v2}; the constant's name is accepted too). */
    @JsonCreator
    public static ProcessingGuarantee of(String value) {
        String wanted = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(guarantee -> guarantee.setting.equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("processing guarantee must be exactly_once_v2 or "
                        + "at_least_once, was '" + value + "'"));
    }

    @Override
    public String toString() {
        return setting;
    }
}
