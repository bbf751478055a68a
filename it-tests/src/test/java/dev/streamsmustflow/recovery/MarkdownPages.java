package dev.streamsmustflow.recovery;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/** README.md and docs/ as the documentation tests read them: where the repository is, its Markdown parsed, a node's text. */
final class MarkdownPages {

    /** The repository's root: the tests run in it-tests/. */
    static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Parser MARKDOWN = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    private MarkdownPages() {
    }

    static Node parse(Path page) {
        return parse(read(page));
    }

    /** A page's Markdown as written. */
    static String read(Path page) {
        try {
            return Files.readString(page);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + page, e);
        }
    }

    static Node parse(String markdown) {
        return MARKDOWN.parse(markdown);
    }

    /** A node's text: its literals and code spans, line breaks as spaces, blocks apart (each ends a line). */
    static String text(Node node) {
        StringBuilder text = new StringBuilder();
        node.accept(new AbstractVisitor() {
            @Override
            public void visit(Text literal) {
                text.append(literal.getLiteral());
            }

            @Override
            public void visit(Code code) {
                text.append(code.getLiteral());
            }

            @Override
            public void visit(SoftLineBreak lineBreak) {
                text.append(' ');
            }

            @Override
            public void visit(HardLineBreak lineBreak) {
                text.append(' ');
            }

            @Override
            public void visit(Paragraph paragraph) {
                visitChildren(paragraph);
                text.append('\n');
            }

            @Override
            public void visit(Heading heading) {
                visitChildren(heading);
                text.append('\n');
            }

            @Override
            public void visit(CustomNode custom) {
                visitChildren(custom);
                text.append(custom instanceof TableCell ? " | " : "\n");
            }
        });
        return text.toString();
    }
}
