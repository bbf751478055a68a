package dev.streamsmustflow.recovery.report;

import dev.streamsmustflow.recovery.checker.Validity;
import java.util.ArrayList;
import java.util.List;

/** What the oracle found: every verdict VALID with its dead letters, or each group that is not, with its discrepancies. */
final class Verdicts implements Finding {

    @Override
    public List<String> sentences(ReportContext report) {
        List<ReportGroup> groups = report.groups();
        CheckedOutput output = CheckedOutput.of(report.environment());
        List<ReportGroup> notValid = groups.stream().filter(group -> group.verdict().validity() != Validity.VALID).toList();
        if (notValid.isEmpty() && groups.stream().noneMatch(group -> group.verdict().hasDiscrepancies())) {
            int runs = report.runs();
            long malformed = groups.stream().mapToLong(group -> group.verdict().deadLetters().expected()).sum();
            return List.of("Every verdict is VALID: " + output.checker() + " found no lost, unexpected, over-counted, "
                    + "wrong or regressed " + output.unit() + " in " + (runs == 1 ? "the run" : "any of the " + runs + " runs")
                    + (malformed > 0 ? ", and each of the " + ReportFormat.count(malformed) + " malformed records sent "
                    + "had its dead letter." : "."));
        }
        List<String> sentences = new ArrayList<>();
        if (!notValid.isEmpty()) {
            sentences.add(notValid.size() + " of " + groups.size() + " groups are not VALID.");
        }
        for (ReportGroup group : groups) {
            GroupVerdict verdict = group.verdict();
            String label = report.label(group);
            if (verdict.validity() != Validity.VALID) {
                String inRuns = group.repetitions() == 1 ? ""
                        : " in " + verdict.notValid() + " of " + group.repetitions() + " runs";
                String why = verdict.hasDiscrepancies() ? ": " + ReportFormat.discrepancies(verdict, output)
                        : verdict.notes().isEmpty() ? "" : " (" + verdict.notes().get(0) + ")";
                sentences.add(label + ": " + verdict.validity() + inRuns + why + ".");
            } else if (verdict.hasDiscrepancies()) {
                sentences.add(label + ": VALID under " + group.guarantee() + " with "
                        + ReportFormat.discrepancies(verdict, output) + ".");
            }
        }
        return sentences;
    }
}
