package dev.streamsmustflow.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.BulletList;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.StrongEmphasis;
import org.junit.jupiter.api.Test;

/**
 * Every figure in a bullet of README.md's "Findings" section is one a committed report prints, so that the short
 * version cannot drift from the data. A figure is a number or a range with a unit ({@link #FIGURE}); it is found
 * when it is in a report the bullet links (docs/results/NAME/report.md or benchmark.md), or in docs/findings.md, the
 * full text, and then also in some committed report: findings.md alone cannot vouch for a number. A figure the README
 * derives itself is named in {@link #DERIVED} with where it comes from, and must be in findings.md.
 *
 * <p>Formatting that is only formatting is normalised: thousands separators, an en dash or a hyphen in a range. Reports
 * print durations in ms, the README in s: a figure in seconds matches a report's value in ms rounded (half up) to the
 * figure's decimals, so "5.3 s" matches "5,282 ms" and a 5,282 in a table column headed "(ms)", but not 5,350. A
 * figure in millions or thousands matches a report's number rounded the same way ("3.36 million": 3,357,188). A range
 * matches as printed, or when each end matches a single value (the README's "3.7–3.8 s (medians)" spans two cells); a
 * single figure never matches the end of a printed range, since a run's minimum or maximum is not a median.
 *
 * <p>What it cannot see: a duration changed to another duration the same report prints (a report holds about a hundred
 * in ms, so a change of 0.1 s is sometimes still found), and whether a figure is quoted for the right cell.
 */
class ReadmeFiguresTest {

    private static final Path REPOSITORY = MarkdownPages.REPOSITORY;

    private static final String NUMBER = "(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?";
    /**
     * A multiplier ({@code ×0.55}, {@code ×0.38–×0.61}) or a number or range followed by a unit ({@code 5.3 s},
     * {@code 7–10 %}, {@code 14,492 records/s}, {@code 457 MiB}, {@code 10 million}). Not a figure: a bare count
     * ({@code 27 runs}, {@code 500,000 records}), which the README uses for settings and sizes as requested.
     */
    static final Pattern FIGURE = Pattern.compile(
            "(?<times>×)(?<low>" + NUMBER + ")(?:[–-]×(?<high>" + NUMBER + "))?"
                    + "|(?<![\\w.,×])(?<low2>" + NUMBER + ")(?:[–-](?<high2>" + NUMBER + "))? ?"
                    + "(?<unit>ms|s|%|MiB|GiB|MB|GB|records/s|million|thousand)(?![\\w/])");
    private static final Pattern ANY_NUMBER = Pattern.compile("(?<![\\w.,])" + NUMBER);
    /** A table column of durations: its header says (ms), or ms as a word ("Total ms"). */
    private static final Pattern MS_HEADER = Pattern.compile("\\(ms\\)|\\bms\\b");
    /** A duration cell: a value, and the runs' range after it when a group ran more than once. */
    private static final Pattern DURATION_CELL = Pattern.compile(
            "^\\s*(?<value>" + NUMBER + ")(?:\\s*\\((?<min>" + NUMBER + ")–(?<max>" + NUMBER + ")\\))?");

    /**
     * Figures the README computes itself, by bullet title and figure, with where each comes from. Keep it short:
     * every entry is a figure a reader cannot find in a report.
     */
    static final Map<String, String> DERIVED = Map.of(
            "Scaling: 2.9 s", "scaling report, 10 million records, restore medians: the Deployment's 10,083 ms minus "
                    + "the StatefulSet's 7,172 ms");

    @Test
    void everyFigureOfTheFindingsIsInAReport() {
        Source findings = Source.of(REPOSITORY.resolve("docs/findings.md"));
        Source allReports = Source.union(reports());
        List<String> unmatched = new ArrayList<>();
        Set<String> derivedUsed = new HashSet<>();
        int figures = 0;
        List<Bullet> bullets = findingsBullets(REPOSITORY.resolve("README.md"));
        for (Bullet bullet : bullets) {
            Source linked = Source.union(bullet.reports());
            for (Figure figure : Figure.in(bullet.text())) {
                figures++;
                String key = bullet.title() + ": " + figure.key();
                String where = bullet.title() + ": " + figure.text();
                if (DERIVED.containsKey(key)) {
                    derivedUsed.add(key);
                    if (!findings.contains(figure)) {
                        unmatched.add(where + " (derived, but not in docs/findings.md)");
                    }
                } else if (!linked.contains(figure) && !(findings.contains(figure) && allReports.contains(figure))) {
                    unmatched.add(where + " (in no linked report" + (findings.contains(figure)
                            ? "; in docs/findings.md but in no committed report)" : ", nor in docs/findings.md)"));
                }
            }
        }
        assertEquals(List.of(), unmatched, "figures of README.md's Findings that no committed report prints");
        assertEquals(DERIVED.keySet(), derivedUsed, "every derived figure on the list is still in the README");
        assertTrue(bullets.size() >= 8 && figures >= 20,
                "the test found the Findings: " + bullets.size() + " bullets, " + figures + " figures");
        assertTrue(bullets.stream().allMatch(bullet -> !bullet.reports().isEmpty()),
                "every bullet links the report it summarises");
    }

    @Test
    void aFigureMatchesOnlyWhatTheReportPrints() {
        Source report = Source.parse("""
                | Runs | To caught-up (ms) | Records restored |
                |---:|---:|---:|
                | 3 | 5,282 (4,738–6,840) | 3,357,188 |

                - restores ran at 9 % (median; 7–10 % over 3 runs), ×0.55 (×0.38–×0.61), up to 457 MiB.
                - 14,492 records/s; the lead was 2,818 ms.
                """);

        assertEquals(List.of("5.3 s", "4.7–6.8 s", "9 %", "7-10 %", "×0.55", "×0.38–×0.61", "14,492 records/s",
                        "457 MiB", "3.36 million", "10 million", "2.8 s", "0.1 million"),
                Figure.in("pod kill: 5.3 s (4.7–6.8 s), 9 % (7-10 %), ×0.55 (×0.38–×0.61), 14,492 records/s, 457 MiB;"
                        + " 3.36 million of 10 million; 2.8 s; 0.1 million; not figures: 27 runs, 500,000 records")
                        .stream().map(Figure::text).toList());
        for (String found : List.of("5.3 s", "4.7–6.8 s", "4.7-6.8 s", "2.8 s", "9 %", "7–10 %", "×0.55",
                "×0.38–×0.61", "14,492 records/s", "14492 records/s", "457 MiB", "3.36 million", "3 million")) {
            assertTrue(report.contains(Figure.in(found).get(0)), found);
        }
        // no value rounds to 5.4 s; the 3 in the Runs column is a count, not 3 ms; 6.8 s and 7 % are a range's
        // maximum and minimum, not a median; 12 % and 458 MiB are nowhere
        for (String missing : List.of("5.4 s", "0.003 s", "6.8 s", "7 %", "12 %", "7–11 %", "×0.56", "458 MiB",
                "14,493 records/s", "3.37 million", "10 million")) {
            assertFalse(report.contains(Figure.in(missing).get(0)), missing);
        }
    }

    /** A bullet of README.md's "## Findings": its bold title, its text and the reports it links. */
    record Bullet(String title, String text, List<Path> reports) {
    }

    private static List<Bullet> findingsBullets(Path readme) {
        List<Bullet> bullets = new ArrayList<>();
        Node node = findingsHeading(MarkdownPages.parse(readme)).getNext();
        while (node != null && !(node instanceof Heading heading && heading.getLevel() <= 2)) {
            if (node instanceof BulletList) {
                for (Node item = node.getFirstChild(); item != null; item = item.getNext()) {
                    bullets.add(bullet(readme, (ListItem) item));
                }
            }
            node = node.getNext();
        }
        return bullets;
    }

    private static Heading findingsHeading(Node document) {
        for (Node node = document.getFirstChild(); node != null; node = node.getNext()) {
            if (node instanceof Heading heading && heading.getLevel() == 2 && MarkdownPages.text(heading).strip().equals("Findings")) {
                return heading;
            }
        }
        throw new AssertionError("README.md has no \"## Findings\"");
    }

    private static Bullet bullet(Path readme, ListItem item) {
        List<Path> reports = new ArrayList<>();
        StringBuilder title = new StringBuilder();
        item.accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                String destination = link.getDestination().replaceFirst("#.*", "");
                Path target = readme.getParent().resolve(destination).normalize();
                if (REPOSITORY.relativize(target).toString().matches("docs/results/[^/]+/(report|benchmark)\\.md")) {
                    reports.add(target);
                }
                visitChildren(link);
            }

            @Override
            public void visit(StrongEmphasis strong) {
                if (title.isEmpty()) {
                    title.append(MarkdownPages.text(strong));
                }
            }
        });
        return new Bullet(title.toString(), MarkdownPages.text(item), reports);
    }

    /** Every committed report: docs/results/NAME/report.md and benchmark.md. */
    private static List<Path> reports() {
        try (Stream<Path> files = Files.walk(REPOSITORY.resolve("docs/results"), 2)) {
            return files.filter(file -> file.getFileName().toString().matches("report\\.md|benchmark\\.md"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A figure as written: ×low[–×high], or low[–high] unit. */
    record Figure(String text, boolean times, BigDecimal low, BigDecimal high, String unit) {

        static List<Figure> in(String text) {
            List<Figure> figures = new ArrayList<>();
            Matcher m = FIGURE.matcher(text);
            while (m.find()) {
                boolean times = m.group("times") != null;
                String low = times ? m.group("low") : m.group("low2");
                String high = times ? m.group("high") : m.group("high2");
                figures.add(new Figure(m.group(), times, number(low), high == null ? null : number(high),
                        times ? "" : m.group("unit")));
            }
            return figures;
        }

        /** The figure without its formatting: no thousands separators, an en dash in a range. */
        String key() {
            String prefix = times ? "×" : "";
            String suffix = times ? "" : " " + unit;
            return prefix + low.toPlainString() + (high == null ? "" : "–" + prefix + high.toPlainString()) + suffix;
        }

        Figure end(BigDecimal value) {
            return new Figure(text, times, value, null, unit);
        }

        private static BigDecimal number(String digits) {
            return new BigDecimal(digits.replace(",", ""));
        }
    }

    /**
     * What a Markdown file prints: its figures as written, its durations in ms (single values: a median or a value in a
     * sentence; ranges: a run's min–max), and all its numbers. A range's ends are not single values: a minimum is not a
     * median, so the README's single figure cannot match one.
     */
    record Source(Set<String> figures, Set<BigDecimal> milliseconds, Set<List<BigDecimal>> millisecondRanges,
            Set<BigDecimal> numbers) {

        static Source of(Path file) {
            return parse(MarkdownPages.read(file));
        }

        static Source parse(String markdown) {
            Source source = empty();
            Node document = MarkdownPages.parse(markdown);
            String text = MarkdownPages.text(document);
            for (Figure figure : Figure.in(text)) {
                source.add(figure);
            }
            Matcher number = ANY_NUMBER.matcher(text);
            while (number.find()) {
                source.numbers.add(Figure.number(number.group()));
            }
            // tables print durations without a unit, in columns headed "(ms)"
            document.accept(new AbstractVisitor() {
                @Override
                public void visit(CustomBlock block) {
                    if (block instanceof TableBlock table) {
                        source.addMillisecondColumns(table);
                    }
                }
            });
            return source;
        }

        static Source union(List<Path> files) {
            Source union = empty();
            for (Path file : files) {
                Source source = of(file);
                union.figures.addAll(source.figures);
                union.milliseconds.addAll(source.milliseconds);
                union.millisecondRanges.addAll(source.millisecondRanges);
                union.numbers.addAll(source.numbers);
            }
            return union;
        }

        private static Source empty() {
            return new Source(new HashSet<>(), new HashSet<>(), new HashSet<>(), new HashSet<>());
        }

        /** A single figure matches a single value; a range a printed range, or two single values (two medians). */
        boolean contains(Figure figure) {
            if (figures.contains(figure.key())) {
                return true;
            }
            if (figure.high() != null) {
                return figure.unit().equals("s") && millisecondRanges.stream().anyMatch(range ->
                        roundsTo(range.get(0), 3, figure.low()) && roundsTo(range.get(1), 3, figure.high()))
                        || contains(figure.end(figure.low())) && contains(figure.end(figure.high()));
            }
            return switch (figure.unit()) {
                case "s" -> milliseconds.stream().anyMatch(ms -> roundsTo(ms, 3, figure.low()));
                case "million" -> numbers.stream().anyMatch(n -> roundsTo(n, 6, figure.low()));
                case "thousand" -> numbers.stream().anyMatch(n -> roundsTo(n, 3, figure.low()));
                default -> false;
            };
        }

        /** Whether a value, divided by 10^shift and rounded half up to the figure's decimals, is the figure. */
        private static boolean roundsTo(BigDecimal value, int shift, BigDecimal figure) {
            return value.movePointLeft(shift).setScale(figure.scale(), RoundingMode.HALF_UP).compareTo(figure) == 0;
        }

        private void add(Figure figure) {
            figures.add(figure.key());
            if (figure.unit().equals("ms")) {
                addMilliseconds(figure.low(), figure.high());
            }
        }

        private void addMilliseconds(BigDecimal value, BigDecimal rangeEnd) {
            if (rangeEnd == null) {
                milliseconds.add(value);
            } else {
                millisecondRanges.add(List.of(value, rangeEnd));
            }
        }

        /** A table's duration cells: "5,282 (4,738–6,840)", a median and the runs' range, or one value. */
        private void addMillisecondColumns(TableBlock table) {
            Map<Integer, Boolean> durations = new TreeMap<>();
            for (Node section = table.getFirstChild(); section != null; section = section.getNext()) {
                for (Node row = section.getFirstChild(); row instanceof TableRow; row = row.getNext()) {
                    int column = 0;
                    for (Node cell = row.getFirstChild(); cell instanceof TableCell; cell = cell.getNext(), column++) {
                        String text = MarkdownPages.text(cell);
                        Matcher value = DURATION_CELL.matcher(text);
                        if (section instanceof TableHead) {
                            durations.put(column, MS_HEADER.matcher(text).find());
                        } else if (durations.getOrDefault(column, false) && value.find()) {
                            addMilliseconds(Figure.number(value.group("value")), null);
                            if (value.group("min") != null) {
                                addMilliseconds(Figure.number(value.group("min")), Figure.number(value.group("max")));
                            }
                        }
                    }
                }
            }
        }
    }
}
