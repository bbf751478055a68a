package dev.streamsmustflow.recovery.nemesis;

import dev.streamsmustflow.recovery.platform.PodView;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What must be true of the pods once the platform has dealt with a fault. A replacement is proven by
 * a new uid, not by a name: a StatefulSet's replacement has the old one's name.
 */
public enum Expectation {
    /** No target is left and the wanted number of pods exists: the controller replaced them with new pods. */
    TARGETS_REPLACED("replaced by pods with new uids"),
    /** Every target is still there, under its uid, with one restart more: its container restarted in place. */
    TARGETS_RESTARTED_IN_PLACE("restarted in place (same uid, a further container restart)"),
    /** No target is left and no pod took its place. */
    TARGETS_REMOVED("removed without replacement"),
    /** The wanted, larger number of pods exists. */
    POD_ADDED("joined by a new pod"),
    /** Every target is still there, under its uid: it was frozen, not replaced. */
    TARGETS_STILL_THERE("still there, under the same uid"),
    /** The fault hit no pod (the broker): the wanted number of pods runs. */
    PODS_UNTOUCHED("untouched: the wanted number of pods runs");

    private final String description;

    Expectation(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }

    /** Whether {@code now} (the pods at present) fulfils this expectation for the {@code targets} as they were hit. */
    public boolean metBy(List<PodView> targets, List<PodView> now, int wanted) {
        Map<String, PodView> byUid = now.stream().collect(Collectors.toMap(PodView::uid, Function.identity()));
        return switch (this) {
            case TARGETS_REPLACED, TARGETS_REMOVED ->
                    now.size() == wanted && targets.stream().noneMatch(target -> byUid.containsKey(target.uid()));
            case TARGETS_RESTARTED_IN_PLACE -> targets.stream().allMatch(target -> byUid.containsKey(target.uid())
                    && byUid.get(target.uid()).restarts() > target.restarts());
            case POD_ADDED, PODS_UNTOUCHED -> now.size() == wanted;
            case TARGETS_STILL_THERE -> targets.stream().allMatch(target -> byUid.containsKey(target.uid()));
        };
    }
}
