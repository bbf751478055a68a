package dev.streamsmustflow.recovery.deployment;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Locale;

/** The app's {@code GROUP_PROTOCOL}: the classic rebalance protocol or KIP-1071's {@code streams}. */
public enum GroupProtocol {
    CLASSIC, STREAMS;

    /** The value of the app's setting: {@code classic} or {@code streams}. */
    @JsonValue
    public String setting() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static GroupProtocol of(String value) {
        String wanted = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(protocol -> protocol.setting().equals(wanted)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("group protocol must be classic or streams, was '"
                        + value + "'"));
    }

    @Override
    public String toString() {
        return setting();
    }
}
