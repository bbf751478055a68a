package dev.streamsmustflow.recovery.report;

import java.util.List;

/**
 * One finding of a report, in one class: the figures it measures in each run ({@link Figure}), which the report
 * keeps, summarised over a group's runs, in every group, and the sentences of the conclusion it draws from the
 * groups. Every finding is registered in {@link Findings#ALL}, which the groups and the conclusion iterate; a new
 * finding is one new class and one entry there.
 */
interface Finding {

    /** What it measures in each run; none for a finding that reads only what every group has. */
    default List<Figure> figures() {
        return List.of();
    }

    /** Its sentences of the conclusion, computed from the numbers; none where the report gives it nothing to say. */
    List<String> sentences(ReportContext report);
}
