package org.claimx.io;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;
import org.claimx.model.Paper;

/**
 * Saved daily-papers listing pages (corpus/pages/*.txt): page furniture ("Subscribe", "Daily Papers",
 * dates), then per paper a title line, a blank line and the abstract as one long paragraph line.
 *
 * <p>A paper is a paragraph line (at least {@link #MIN_ABSTRACT_CHARS} characters and
 * {@link #MIN_ABSTRACT_WORDS} words: prose, not furniture or a title) whose preceding non-blank line
 * is a short line, its title. Its id is {@link PaperIds#fromTitle}. Title and abstract are stripped
 * of surrounding white space. Records are the paragraph lines: each gives a paper, or a
 * {@link ReadError} when it has no title line or is not valid UTF-8. A short line that is not valid
 * UTF-8 is an error too, unless it is a paragraph's title (then the paragraph's error says so).
 *
 * <p>The same paper may stand on several pages, or twice on one: this reader yields every occurrence;
 * {@link PaperInput} keeps the first. Reads line by line.
 */
public final class PagesReader implements PaperReader {
    static final int MIN_ABSTRACT_CHARS = 200;
    static final int MIN_ABSTRACT_WORDS = 20;

    /** Lines that only the listing pages have; one of them in the head marks a page. */
    private static final Set<String> FURNITURE = Set.of(
            "Get trending papers in your email inbox!", "Daily Papers", "byAK and the research community");

    @Override
    public boolean recognizes(Head head) {
        for (String line : head.lines()) {
            if (FURNITURE.contains(line)) return true;
        }
        return false;
    }

    @Override
    public Cursor open(InputSource source) {
        return new PagesCursor(source);
    }

    /** Prose that ends a sentence, of some words: not a title, a date or a button. */
    static boolean isShortAbstract(String line) {
        return words(line) >= 8 && (line.endsWith(".") || line.endsWith("!") || line.endsWith("?"));
    }

    private static int words(String line) {
        return line.split("\\s+").length;
    }

    static boolean isParagraph(String line) {
        if (line.length() < MIN_ABSTRACT_CHARS) return false;
        return line.split("\\s+").length >= MIN_ABSTRACT_WORDS;
    }

    private static final class PagesCursor implements Cursor {
        private final String name;
        private final ByteLines lines;
        private final StrictUtf8 utf8 = new StrictUtf8();
        /** Records found but not yet returned: one line can settle two (a bad line and what follows). */
        private final Deque<InputRecord> ready = new ArrayDeque<>();
        /** The last non-blank line if it was short prose: the next paragraph's title. */
        private String title;
        /** The last non-blank line if it was short and not valid UTF-8 (0: it was not). */
        private long badShortLine;
        /** Whether the last non-blank line was a paragraph. */
        private boolean afterParagraph;
        /** Whether a blank line came since the last non-blank one. */
        private boolean blankBefore;
        private long lineCount;
        private long found;
        private boolean reportedEmpty;

        PagesCursor(InputSource source) {
            this.name = source.name();
            this.lines = new ByteLines(source.stream(), JsonlReader.MAX_LINE);
        }

        @Override
        public long position() {
            return lines.number() + 1;
        }

        @Override
        public InputRecord next() throws IOException {
            while (ready.isEmpty()) {
                ByteLines.Line line = lines.next();
                if (line == null) {
                    flushBadShortLine();
                    if (found == 0 && !reportedEmpty && lineCount > 0) {
                        // Nothing here looked like a paper: say so rather than give 0 papers and succeed.
                        reportedEmpty = true;
                        ready.add(new ReadError(name, 1, "no paper found in " + lineCount + " lines read as a listing page"
                                + " (a paper is a title line, a blank line and a paragraph of at least " + MIN_ABSTRACT_CHARS
                                + " characters and " + MIN_ABSTRACT_WORDS + " words)"));
                    }
                    break;
                }
                if (line.isBlank()) {
                    blankBefore = true;
                    continue;
                }
                lineCount++;
                take(line);
                blankBefore = false;
            }
            return ready.poll();
        }

        private void take(ByteLines.Line line) {
            long n = line.number();
            String text = decode(line);
            if (text == null) {
                flushBadShortLine();
                if (line.tooLong() || line.bytes().length >= MIN_ABSTRACT_CHARS) {
                    // Long but unreadable: the abstract of a paper we cannot read.
                    ready.add(new ReadError(name, n, line.tooLong()
                            ? "line longer than " + JsonlReader.MAX_LINE + " bytes"
                            : "abstract is not valid UTF-8"));
                    set(null, 0, true);
                } else {
                    set(null, n, false);
                }
            } else if (!isParagraph(text)) {
                flushBadShortLine();
                if (title != null && blankBefore && isShortAbstract(text)) {
                    // Title, blank line, a sentence or more: an abstract too short to be told from page furniture.
                    found++;
                    ready.add(new ReadError(name, n, "paper " + PaperIds.fromTitle(title) + ": abstract of " + text.length()
                            + " characters and " + words(text) + " words is skipped: a listing page's abstract has at least "
                            + MIN_ABSTRACT_CHARS + " characters and " + MIN_ABSTRACT_WORDS + " words"));
                    set(null, 0, true);
                    return;
                }
                set(text, 0, false);
            } else {
                if (badShortLine > 0) {
                    ready.add(new ReadError(name, n, "title (line " + badShortLine + ") is not valid UTF-8"));
                } else if (title == null) {
                    ready.add(new ReadError(name, n, afterParagraph
                            ? "paragraph right after another paragraph: no title line"
                            : "paragraph without a title line"));
                } else {
                    ready.add(new PaperRecord(name, n, new Paper(PaperIds.fromTitle(title), title, text)));
                }
                found++;
                set(null, 0, true);
            }
        }

        private String decode(ByteLines.Line line) {
            if (line.tooLong()) return null;
            try {
                return utf8.decode(line.bytes()).strip();
            } catch (StrictUtf8.InvalidUtf8 e) {
                // Reported as a ReadError by take(); which one depends on what the line turns out to be.
                return null;
            }
        }

        /** An undecodable short line that turned out not to be a title is an error of its own. */
        private void flushBadShortLine() {
            if (badShortLine > 0) ready.add(new ReadError(name, badShortLine, "line is not valid UTF-8"));
            badShortLine = 0;
        }

        private void set(String title, long badShortLine, boolean afterParagraph) {
            this.title = title;
            this.badShortLine = badShortLine;
            this.afterParagraph = afterParagraph;
        }
    }
}
