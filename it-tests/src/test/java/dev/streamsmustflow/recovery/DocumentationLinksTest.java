package dev.streamsmustflow.recovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.commonmark.ext.heading.anchor.IdGenerator;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Heading;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every relative link in README.md and docs/ points somewhere: to a file or directory of the repository, and where it
 * names an anchor, to a heading of that Markdown file (GitHub's anchors: lower case, punctuation dropped, spaces as
 * hyphens). Links to other sites are not followed: nothing but Maven Central is reachable from where this runs.
 */
class DocumentationLinksTest {

    private static final Path REPOSITORY = MarkdownPages.REPOSITORY;

    @Test
    void everyRelativeLinkPointsToAFileAndEveryAnchorToAHeading() {
        List<Path> pages = pages();
        List<String> dead = new ArrayList<>();
        int checked = 0;
        for (Path page : pages) {
            for (String destination : links(page)) {
                if (destination.isEmpty() || destination.matches("^[a-zA-Z][a-zA-Z0-9+.-]*:.*")) {
                    continue; // https:, mailto: and the like
                }
                checked++;
                whyDead(page, destination).ifPresentOrElse(why -> dead.add(REPOSITORY.relativize(page) + ": ("
                        + destination + ") " + why), () -> { });
            }
        }
        assertEquals(List.of(), dead, "links that point nowhere, of " + checked + " in " + pages.size() + " pages");
        assertTrue(checked > 100, "the check found the documentation's links: " + checked);
    }

    @Test
    void aLinkToAMissingFileOrHeadingIsFound(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("a.md"), "# Title: `one` two\n\n[ok](#title-one-two) [ok](b.md#the-end) "
                + "[dead](#no-such-heading) [dead](c.md) [dead](b.md#nowhere)\n");
        Files.writeString(dir.resolve("b.md"), "## The end\n");

        List<String> why = links(dir.resolve("a.md")).stream()
                .map(link -> whyDead(dir.resolve("a.md"), link).orElse("fine")).toList();

        assertEquals(List.of("fine", "fine", "no heading #no-such-heading in a.md", "no file " + dir.resolve("c.md"),
                "no heading #nowhere in b.md"), why);
    }

    private static Optional<String> whyDead(Path page, String destination) {
        int hash = destination.indexOf('#');
        String file = URLDecoder.decode(hash < 0 ? destination : destination.substring(0, hash), StandardCharsets.UTF_8);
        String anchor = hash < 0 ? null : destination.substring(hash + 1);
        Path target = file.isEmpty() ? page : page.getParent().resolve(file).normalize();
        if (!Files.exists(target)) {
            return Optional.of("no file " + target);
        }
        if (anchor != null && target.toString().endsWith(".md") && !anchors(target).contains(anchor)) {
            return Optional.of("no heading #" + anchor + " in " + target.getFileName());
        }
        return Optional.empty();
    }

    /** README.md and every Markdown file under docs/. */
    private static List<Path> pages() {
        List<Path> pages = new ArrayList<>(List.of(REPOSITORY.resolve("README.md")));
        try (Stream<Path> files = Files.walk(REPOSITORY.resolve("docs"))) {
            files.filter(file -> file.toString().endsWith(".md")).sorted().forEach(pages::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return pages;
    }

    private static List<String> links(Path page) {
        List<String> links = new ArrayList<>();
        MarkdownPages.parse(page).accept(new AbstractVisitor() {
            @Override
            public void visit(Link link) {
                links.add(link.getDestination());
                visitChildren(link);
            }

            @Override
            public void visit(Image image) {
                links.add(image.getDestination());
            }
        });
        return links;
    }

    private static Set<String> anchors(Path page) {
        IdGenerator ids = IdGenerator.builder().build();
        Set<String> anchors = new HashSet<>();
        MarkdownPages.parse(page).accept(new AbstractVisitor() {
            @Override
            public void visit(Heading heading) {
                anchors.add(ids.generateId(MarkdownPages.text(heading).strip()));
            }
        });
        return anchors;
    }
}
