package dev.streamsmustflow.recovery.report.render;

import static dev.streamsmustflow.recovery.report.SampleResults.result;
import static dev.streamsmustflow.recovery.report.SampleResults.verdict;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.streamsmustflow.recovery.checker.DeadLetterCheck;
import dev.streamsmustflow.recovery.checker.Discrepancies;
import dev.streamsmustflow.recovery.checker.InputAudit;
import dev.streamsmustflow.recovery.checker.Validity;
import dev.streamsmustflow.recovery.checker.Verdict;
import dev.streamsmustflow.recovery.deployment.ProcessingGuarantee;
import dev.streamsmustflow.recovery.report.RecoveryReport;
import dev.streamsmustflow.recovery.report.SampleResults;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlRendererTest {

    private static final String HOSTILE = "</script><script>alert(1)</script><!-- & \u2028";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final RecoveryReport report = SampleResults.report(
            result("STATEFUL_SET", "POD_KILL").scenario("ss" + HOSTILE),
            result("DEPLOYMENT", "POD_KILL").verdict(new Verdict(Validity.UNKNOWN,
                    ProcessingGuarantee.EXACTLY_ONCE_V2, "could not check: " + HOSTILE, Verdict.Coverage.NOTHING_CHECKED,
                    Discrepancies.NONE, DeadLetterCheck.NOTHING_CHECKED, InputAudit.NOTHING_CHECKED, java.util.List.of(),
                    HOSTILE)));
    private final String html = HtmlRenderer.render(ReportDocuments.of(report));

    @Test
    void inlinesTheEChartsLibrary() throws Exception {
        String library;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js")) {
            assertNotNull(in, "the echarts webjar is on the test classpath");
            library = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertTrue(html.contains("<script>" + library + "</script>"), "the whole library in one script element");
        assertTrue(html.contains("echarts.init(element, null, { renderer: 'svg' })"));
        assertFalse(html.contains("<script src="), "nothing loaded from elsewhere");
    }

    @Test
    void embedsTheReportDataAsJsonThatReadsBackUnchanged() throws Exception {
        Matcher data = Pattern.compile("<script type=\"application/json\" id=\"report-data\">(.*?)</script>", Pattern.DOTALL)
                .matcher(html);
        assertTrue(data.find(), "a data script element");
        String embedded = data.group(1);

        assertFalse(embedded.contains("<"), "no tag can start inside the data");
        assertFalse(embedded.contains("&"), "no character reference either");
        JsonNode parsed = JSON.readTree(embedded);
        assertEquals(JSON.readTree(report.toJson()), parsed);
        assertEquals("ss" + HOSTILE, parsed.path("groups").get(0).path("scenarios").get(0).asText());
    }

    @Test
    void noDataEndsAScriptElement() {
        // three script elements: the data, the library, the charts
        assertEquals(3, count(html, "</script>"), "every </script> ends one of our own elements");
        assertEquals(3, count(html, "<script"));
        assertFalse(html.contains("alert(1)</script>"));
    }

    @Test
    void theConclusionAndTablesAreHtmlEscaped() {
        assertTrue(html.contains("<li>" + HtmlRenderer.escape(report.conclusion().get(0)) + "</li>"));
        assertTrue(html.contains("&lt;/script&gt;&lt;script&gt;alert(1)&lt;/script&gt;"), "the UNKNOWN verdict's note, escaped");
        assertTrue(html.contains("<th class=\"number\">To caught-up (ms)</th>"));
        assertTrue(html.contains("<td>STATEFUL_SET</td><td>POD_KILL</td><td class=\"number\">1</td><td class=\"number\">4,000</td>"));
        assertTrue(html.contains("<td class=\"UNKNOWN\">UNKNOWN</td>"));
        assertTrue(html.contains("<div id=\"phases-chart\" class=\"chart\"></div>"));
        assertTrue(html.contains("<div id=\"restore-chart\" class=\"chart\"></div>"));
    }

    @Test
    void jsonForAScriptKeepsItsValue() throws Exception {
        String json = JSON.writeValueAsString(java.util.Map.of("text", HOSTILE));

        String escaped = HtmlRenderer.jsonForScript(json);

        assertFalse(escaped.contains("</"), escaped);
        assertFalse(escaped.contains("<!--"), escaped);
        assertFalse(escaped.contains("\u2028"), escaped);
        assertEquals(HOSTILE, JSON.readTree(escaped).path("text").asText());
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }
}
