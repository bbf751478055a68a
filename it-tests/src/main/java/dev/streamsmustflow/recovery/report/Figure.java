package dev.streamsmustflow.recovery.report;

import dev.streamsmustflow.recovery.scenario.RecoveryResult;
import java.util.function.Function;

/**
 * A figure a {@link Finding} reads off each run, such as how long a rebalance waited for a session: null for a run
 * that did not show it. A group keeps its {@link Spread} over the runs that did, in report.json as
 * {@code findings.<finding>.<name>}; a group where no run showed it has none.
 *
 * @param finding the finding's name in report.json
 * @param name the figure's name there
 */
record Figure(String finding, String name, Function<RecoveryResult, Long> ofRun) {
}
