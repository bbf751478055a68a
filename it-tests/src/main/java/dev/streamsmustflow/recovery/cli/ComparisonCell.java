package dev.streamsmustflow.recovery.cli;

import dev.streamsmustflow.recovery.deployment.ProcessingGuarantee;
import dev.streamsmustflow.recovery.deployment.Variant;
import dev.streamsmustflow.recovery.nemesis.Fault;
import dev.streamsmustflow.recovery.workload.InputRate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * One cell of a comparison: a variant under a fault and a processing guarantee at a state size, with
 * the app settings that are the cell's own. The repetitions of a cell differ only in their seed.
 *
 * @param label what sets the cell apart from others of the same variant, fault, guarantee and size,
 *     for example {@code standby}; part of the scenario id; empty when nothing does
 * @param stateRecords changelog records to build before the fault
 * @param env the cell's own app settings, applied after the plan's
 * @param rate the cell's own input rate; null for the plan's
 */
record ComparisonCell(String label, Variant variant, Fault fault, ProcessingGuarantee guarantee, long stateRecords,
        Map<String, String> env, InputRate rate) {

    ComparisonCell {
        env = Map.copyOf(env);
        if (!label.matches("[a-z0-9-]*")) {
            throw new IllegalArgumentException("a cell label is lower case letters, digits and dashes, was '" + label + "'");
        }
    }

    /** A cell with no settings of its own. */
    static ComparisonCell of(Variant variant, Fault fault, ProcessingGuarantee guarantee, long stateRecords) {
        return new ComparisonCell("", variant, fault, guarantee, stateRecords, Map.of(), null);
    }

    /** The same cell with a further setting of its own, named by {@code newLabel}. */
    ComparisonCell with(String newLabel, String variable, String value) {
        ComparisonCell shared = withShared(variable, value);
        return new ComparisonCell(labelWith(newLabel), variant, fault, guarantee, stateRecords, shared.env(), rate);
    }

    /** The same cell with its input at {@code newRate} instead of the plan's, named by {@code newLabel}. */
    ComparisonCell withRate(String newLabel, InputRate newRate) {
        return new ComparisonCell(labelWith(newLabel), variant, fault, guarantee, stateRecords, env, newRate);
    }

    private String labelWith(String newLabel) {
        return label.isEmpty() ? newLabel : label + "-" + newLabel;
    }

    /** The same cell with a further setting that all cells it is compared with share, so no label names it. */
    ComparisonCell withShared(String variable, String value) {
        Map<String, String> more = new TreeMap<>(env);
        more.put(variable, value);
        return new ComparisonCell(label, variant, fault, guarantee, stateRecords, more, rate);
    }

    /** The cell's part of its scenario ids, e.g. {@code deployment-pod-delete-eos-leave-500000r}. */
    String name() {
        List<String> parts = new ArrayList<>(List.of(variant.name(), fault.name(), guarantee.shortName()));
        if (!label.isEmpty()) {
            parts.add(label);
        }
        parts.add(stateRecords + "r");
        return String.join("-", parts).toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
