package dev.streamsmustflow.recovery.report.render;

import dev.streamsmustflow.recovery.report.render.ReportDocument.Column;
import dev.streamsmustflow.recovery.report.render.ReportDocument.ColumnStyle;
import dev.streamsmustflow.recovery.report.render.ReportDocument.Section;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code index.html}: one self-contained file that opens offline (a CI artifact, an e-mail
 * attachment) — the ECharts library and the report's JSON are inlined, the charts are drawn by
 * ECharts in the browser, and the conclusion and tables are plain HTML so they read without JavaScript.
 */
final class HtmlRenderer {

    /** The library of the org.webjars.npm:echarts dependency; its path names the version the parent POM pins. */
    static final String ECHARTS = "/META-INF/resources/webjars/echarts/5.3.1/dist/echarts.min.js";
    private static final String TEMPLATE = "recovery-report.html";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{(\\w+)}}");

    private HtmlRenderer() {
    }

    static String render(ReportDocument document) {
        StringBuilder sections = new StringBuilder();
        document.sections().forEach(section -> section(sections, section));
        return fill(resource(TEMPLATE), Map.of(
                "title", escape(document.title()),
                "subtitle", escape(document.subtitle()),
                "conclusion", list(document.conclusion()),
                "tables", sections.toString(),
                "echarts", echarts(),
                "data", jsonForScript(document.reportJson())));
    }

    /**
     * JSON that can stand inside a {@code <script>} element: no {@code </script>}, no {@code <!--} and
     * no {@code &} survive as such. The escapes are JSON string escapes, and {@code <}, {@code >} and
     * {@code &} only occur inside JSON strings, so the text still parses to the same value. U+2028 and
     * U+2029 end a line in older JavaScript engines.
     */
    static String jsonForScript(String json) {
        return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
                .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
    }

    /** Text for HTML content and attribute values. */
    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                .replace("\"", "&quot;").replace("'", "&#39;");
    }

    /** The ECharts library, to inline; it must not end its own script element. */
    static String echarts() {
        String library = resource(ECHARTS);
        if (library.toLowerCase(Locale.ROOT).contains("</script")) {
            throw new IllegalStateException(ECHARTS + " contains </script and cannot be inlined");
        }
        return library;
    }

    private static String list(List<String> sentences) {
        StringBuilder html = new StringBuilder("<ul>\n");
        sentences.forEach(sentence -> html.append("<li>").append(escape(sentence)).append("</li>\n"));
        return html.append("</ul>").toString();
    }

    private static void section(StringBuilder html, Section section) {
        html.append("<h2>").append(escape(section.title())).append("</h2>\n");
        if (section.hasRows()) {
            table(html, section);
        } else {
            html.append("<p class=\"note\">").append(escape(section.emptyText())).append("</p>\n");
        }
        if (section.note() != null) {
            html.append("<p class=\"note\">").append(escape(section.note())).append("</p>\n");
        }
    }

    private static void table(StringBuilder html, Section section) {
        List<Column> columns = section.table().columns();
        html.append("<div class=\"scroll\"><table>\n<thead><tr>");
        columns.forEach(column -> html.append(column.style() == ColumnStyle.NUMBER ? "<th class=\"number\">" : "<th>")
                .append(escape(column.header())).append("</th>"));
        html.append("</tr></thead>\n<tbody>\n");
        for (List<String> row : section.table().rows()) {
            html.append("<tr>");
            for (int column = 0; column < row.size(); column++) {
                String value = row.get(column);
                String css = switch (columns.get(column).style()) {
                    case NUMBER -> "number";
                    // coloured by the validity, the first word of the cell
                    case VERDICT -> value.split("[ :]", 2)[0];
                    case TEXT -> "";
                };
                html.append(css.isEmpty() ? "<td>" : "<td class=\"" + escape(css) + "\">").append(escape(value))
                        .append("</td>");
            }
            html.append("</tr>\n");
        }
        html.append("</tbody>\n</table></div>\n");
    }

    /** Replaces every {{name}} of the template in one pass: inserted text is never searched for placeholders. */
    private static String fill(String template, Map<String, String> values) {
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder filled = new StringBuilder(template.length() + 1_100_000);
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value == null) {
                throw new IllegalStateException("the template " + TEMPLATE + " has no value for " + matcher.group());
            }
            matcher.appendReplacement(filled, Matcher.quoteReplacement(value));
        }
        return matcher.appendTail(filled).toString();
    }

    private static String resource(String name) {
        try (InputStream in = HtmlRenderer.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("resource " + name + " is not on the classpath"
                        + (name.equals(ECHARTS) ? " (dependency org.webjars.npm:echarts)" : ""));
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read resource " + name, e);
        }
    }
}
