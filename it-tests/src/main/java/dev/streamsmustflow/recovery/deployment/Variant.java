package dev.streamsmustflow.recovery.deployment;

/** How the application is deployed; see docs/platforms.md for what each platform makes of it. */
public enum Variant {
    /** Stable names {@code trade-stats-N}, a volume per ordinal that survives pod replacement, static membership. */
    STATEFUL_SET,
    /** A new pod name and an empty state directory for every replacement, dynamic membership. */
    DEPLOYMENT;

    public boolean staticMembershipByDefault() {
        return this == STATEFUL_SET;
    }
}
