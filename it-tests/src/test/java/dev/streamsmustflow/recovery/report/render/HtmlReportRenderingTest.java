package dev.streamsmustflow.recovery.report.render;

import static dev.streamsmustflow.recovery.report.SampleResults.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.streamsmustflow.recovery.report.RecoveryReport;
import dev.streamsmustflow.recovery.report.SampleResults;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens the written index.html in a headless Chromium, where there is one, and checks that ECharts
 * drew the charts: the charts use ECharts' SVG renderer, so what it drew is in the DOM. Where no
 * browser is found the test skips, saying so, unless {@code -Drecovery.browser=require} (GitHub
 * Actions, .ci/run), where it fails instead.
 */
class HtmlReportRenderingTest {

    static final String MODE_PROPERTY = "recovery.browser";

    private static final Pattern BAR = Pattern.compile(
            "<path d=\"M([\\d.]+) ([\\d.]+)l([\\d.]+) 0l0 ([\\d.]+)l-[\\d.]+ 0Z\"([^>]*)>");
    private static final Pattern FILLED_PATH = Pattern.compile("<path[^>]*fill=\"#[0-9a-fA-F]{3,6}\"");
    private static final Pattern TEXT = Pattern.compile("<text[^>]*>([^<]*)</text>");

    @Test
    void chromiumDrawsBothCharts(@TempDir Path directory) throws Exception {
        HeadlessChromium chromium = browserOrSkip(directory);
        RecoveryReport report = SampleResults.report(
                result("STATEFUL_SET", "POD_KILL").restored(1_000_000, 1_000),
                result("DEPLOYMENT", "POD_KILL").restored(2_000_000, 2_000).caughtUp(8_000L),
                result("STATEFUL_SET", "POD_DELETE").restored(3_000_000, 3_000),
                result("DEPLOYMENT", "POD_DELETE").restored(4_000_000, 4_000).caughtUp(9_000L));
        Path page = ReportWriter.write(directory.resolve("report"), report).html();

        String dom = chromium.dumpDom(page);

        assertTrue(dom.contains("data-charts=\"rendered\""), "the chart script ran to its end in " + chromium);
        String phases = between(dom, "id=\"phases-chart\"", "id=\"restore-chart\"");
        String restore = between(dom, "id=\"restore-chart\"", "<h2>");
        List<String> phaseTexts = texts(phases);
        for (String label : List.of("STATEFUL_SET · POD_KILL", "DEPLOYMENT · POD_KILL", "STATEFUL_SET · POD_DELETE",
                "DEPLOYMENT · POD_DELETE", "Termination", "Catch-up", "Time to caught-up")) {
            assertTrue(phaseTexts.contains(label), label + " drawn in the phases chart: " + phaseTexts);
        }
        // a row of five stacked bars per group, top to bottom in the report's order; the restore bar
        // (the fourth) of each group is 1, 2, 3 and 4 seconds long
        Map<Double, List<Bar>> rows = bars(phases);
        assertEquals(4, rows.size(), "rows of bars: " + rows);
        List<Double> restoreWidths = rows.values().stream().map(row -> row.get(3).width()).toList();
        for (int group = 0; group < 4; group++) {
            assertEquals(5, rows.values().stream().toList().get(group).size(), "five phases: " + rows);
            assertEquals(group + 1, restoreWidths.get(group) / restoreWidths.get(0), 0.02, "restore bars " + restoreWidths);
        }
        List<String> restoreTexts = texts(restore);
        assertTrue(restoreTexts.contains("STATEFUL_SET fit: 1,000 ms per million records"), restoreTexts.toString());
        assertTrue(restoreTexts.contains("DEPLOYMENT fit: 1,000 ms per million records"), restoreTexts.toString());
        assertTrue(count(FILLED_PATH, restore) >= 4, "a symbol per run: " + count(FILLED_PATH, restore));
        // the two fitted lines and their legend icons
        int dashed = count(Pattern.compile("<path[^>]*stroke-dasharray"), restore);
        assertTrue(dashed >= 2, "fitted lines drawn dashed: " + dashed);
        assertTrue(dom.contains("id=\"load-section\" style=\"display: none;\""),
                "no group ran at a share of the capacity, so the load chart is hidden");
    }

    @Test
    void chromiumDrawsTimeToCaughtUpAgainstLoadWithTheLagBudget(@TempDir Path directory) throws Exception {
        HeadlessChromium chromium = browserOrSkip(directory);
        RecoveryReport report = SampleResults.report(
                result("STATEFUL_SET", "POD_KILL").load(25, 10_000, 30_000).caughtUp(10_000L),
                result("STATEFUL_SET", "POD_KILL").load(90, 10_000, 30_000).caughtUp(20_000L),
                result("DEPLOYMENT", "POD_KILL").load(25, 10_000, 30_000).caughtUp(18_000L),
                result("DEPLOYMENT", "POD_KILL").load(90, 10_000, 30_000).caughtUp(40_000L));
        Path page = ReportWriter.write(directory.resolve("report"), report).html();

        String dom = chromium.dumpDom(page);

        assertTrue(dom.contains("data-charts=\"rendered\""), "the chart script ran to its end in " + chromium);
        List<String> loadTexts = texts(between(dom, "id=\"load-chart\"", "</section>"));
        for (String label : List.of("STATEFUL_SET POD_KILL", "DEPLOYMENT POD_KILL", "lag budget 30,000 ms",
                "% of the capacity", "time to caught-up, ms")) {
            assertTrue(loadTexts.contains(label), label + " drawn in the load chart: " + loadTexts);
        }
        int lines = count(Pattern.compile("<path[^>]*fill=\"none\"[^>]*stroke=\"#(5470c6|ee6666)\""),
                between(dom, "id=\"load-chart\"", "</section>"));
        assertTrue(lines >= 2, "a line per variant: " + lines);
    }

    /** A headless Chromium; where none is found the test skips, or fails under {@code -Drecovery.browser=require}. */
    private static HeadlessChromium browserOrSkip(Path directory) {
        Optional<HeadlessChromium> chromium = HeadlessChromium.find(directory);
        String missing = "no chromium or google-chrome on the PATH and no " + HeadlessChromium.BROWSER_VARIABLE
                + " (apt-get install chromium)";
        if (chromium.isEmpty() && "require".equals(System.getProperty(MODE_PROPERTY))) {
            fail("-D" + MODE_PROPERTY + "=require, but " + missing);
        }
        Assumptions.assumeTrue(chromium.isPresent(), missing);
        return chromium.orElseThrow();
    }

    /** A bar: ECharts' SVG renderer draws it as a closed path of four straight lines. */
    record Bar(double x, double y, double width, double height) {
    }

    /** The visible bars, in rows by their top edge, each row from left to right. */
    private static Map<Double, List<Bar>> bars(String svg) {
        Map<Double, List<Bar>> rows = new TreeMap<>();
        Matcher matcher = BAR.matcher(svg);
        while (matcher.find()) {
            Bar bar = new Bar(Double.parseDouble(matcher.group(1)), Double.parseDouble(matcher.group(2)),
                    Double.parseDouble(matcher.group(3)), Double.parseDouble(matcher.group(4)));
            if (bar.width() >= 1 && bar.height() >= 5 && !matcher.group(5).contains("opacity=\"0\"")) {
                rows.computeIfAbsent(bar.y(), y -> new ArrayList<>()).add(bar);
            }
        }
        rows.values().forEach(row -> row.sort(Comparator.comparingDouble(Bar::x)));
        return rows;
    }

    private static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        assertTrue(start >= 0, from + " not in the page");
        int end = text.indexOf(to, start + from.length());
        return text.substring(start, end < 0 ? text.length() : end);
    }

    private static List<String> texts(String svg) {
        return TEXT.matcher(svg).results().map(match -> match.group(1)).toList();
    }

    private static int count(Pattern pattern, String text) {
        Matcher matcher = pattern.matcher(text);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }
}
