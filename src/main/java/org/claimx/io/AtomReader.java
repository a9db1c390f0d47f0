package org.claimx.io;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.claimx.model.Paper;

/**
 * An arXiv API answer: an Atom feed whose {@code entry} elements are papers. The id is the arXiv id
 * from the entry's abs URL ({@code http://arxiv.org/abs/2401.01234v2} gives {@code 2401.01234}; the
 * version and the URL ride along as {@code version} and {@code url}), the title is {@code title}, the
 * abstract {@code summary}; categories, authors and dates ride along. The API reports a bad query as
 * an entry titled "Error": that entry is an error, with its summary as the reason. Record numbers are
 * the lines the entries start on.
 *
 * <p>Streams with StAX; external entities and DTDs are not resolved. The record limits apply while
 * reading: text is taken from the parser in chunks and kept only up to {@code --max-abstract-chars}
 * characters, so an entry whose summary (or any other element's text) is longer is read to its end
 * without being held, and becomes an error record; no entry can exhaust the heap.
 */
public final class AtomReader implements PaperReader {
    private static final Pattern ABS = Pattern.compile("(?:arxiv\\.org/abs/|^)([^/\\s]+?/?\\d[^/\\s]*?)(v\\d+)?$");

    private final int maxChars;

    public AtomReader() {
        this(ReadOptions.DEFAULT);
    }

    public AtomReader(ReadOptions options) {
        this.maxChars = options.maxAbstractChars();
    }

    @Override
    public boolean recognizes(Head head) {
        if (head.firstNonBlank() != '<') return false;
        String t = head.text();
        return t.contains("<feed") && t.contains("http://www.w3.org/2005/Atom");
    }

    @Override
    public Cursor open(InputSource source) {
        return new Cursor() {
            private XMLStreamReader xml;
            private boolean done;
            private long line = 1;

            @Override
            public InputRecord next() throws IOException {
                if (done) return null;
                try {
                    // Decoded here: the JDK's parser would print its own "[Fatal Error]" line for bad bytes and
                    // stop at them; replaced, they cost only the entry that holds them (see entry()).
                    if (xml == null) xml = factory().createXMLStreamReader(new InputStreamReader(source.stream(),
                            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                                    .onUnmappableCharacter(CodingErrorAction.REPLACE)));
                    while (xml.hasNext()) {
                        if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("entry")) {
                            line = xml.getLocation().getLineNumber();
                            return entry(source.name(), line, xml, maxChars);
                        }
                    }
                    done = true;
                    return null;
                } catch (XMLStreamException e) {
                    done = true;
                    long at = e.getLocation() != null && e.getLocation().getLineNumber() > 0 ? e.getLocation().getLineNumber() : line;
                    String msg = e.getMessage() == null ? "" : e.getMessage().replaceFirst("(?s)^ParseError at \\[row,col\\]:\\[\\d+,\\d+\\]\\s*Message:\\s*", "");
                    return new ReadError(source.name(), at, "malformed XML: " + JsonlReader.oneLine(msg));
                }
            }

            @Override
            public long position() {
                return line;
            }
        };
    }

    private static XMLInputFactory factory() {
        // The JDK's own StAX parser, not whichever one the classpath registers first: under Spark, Hadoop's shaded
        // Woodstox would be found, and it reports broken XML differently (as unchecked, lazily thrown exceptions).
        XMLInputFactory f = XMLInputFactory.newDefaultFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        // Not coalescing: a long text node then comes in parts that text() counts without keeping.
        f.setProperty(XMLInputFactory.IS_COALESCING, false);
        return f;
    }

    /** Reads one entry, up to its end tag. */
    private static InputRecord entry(String name, long line, XMLStreamReader xml, int maxChars) throws XMLStreamException {
        Text text = new Text(maxChars);
        String id = null;
        String title = null;
        String summary = null;
        List<String> categories = new ArrayList<>();
        List<String> authors = new ArrayList<>();
        Map<String, Object> extra = new LinkedHashMap<>();
        int depth = 1;
        while (depth > 0 && xml.hasNext()) {
            int ev = xml.next();
            if (ev == XMLStreamConstants.END_ELEMENT) {
                depth--;
                continue;
            }
            if (ev != XMLStreamConstants.START_ELEMENT) continue;
            String el = xml.getLocalName();
            // Only the entry's own children count (and an author's name): an element of the same name deeper
            // down, in a nested entry or an extension, must not overwrite them.
            if (depth > 2 || depth == 2 && !el.equals("name")) {
                depth++;
                continue;
            }
            switch (el) {
                case "id" -> id = strip(text.read(xml));
                case "title" -> title = text.read(xml);
                case "summary" -> summary = text.read(xml);
                case "published", "updated", "comment", "journal_ref", "doi" -> extra.put(el, strip(text.read(xml)));
                case "category" -> {
                    String term = xml.getAttributeValue(null, "term");
                    if (term != null) categories.add(term);
                    depth++;
                }
                case "primary_category" -> {
                    String term = xml.getAttributeValue(null, "term");
                    if (term != null) extra.put("primary_category", term);
                    depth++;
                }
                case "name" -> authors.add(strip(text.read(xml)));
                default -> depth++;
            }
        }
        if (text.overLimit != null) {
            Matcher known = id == null ? null : ABS.matcher(id);
            String who = id == null || id.isBlank() ? "entry" : "paper " + (known.find() ? known.group(1) : id);
            return new ReadError(name, line, who + ": " + (text.overLimit.equals("summary") ? "abstract" : text.overLimit)
                    + " of " + text.overLength + " characters, over the limit of " + maxChars + " (--max-abstract-chars)");
        }
        if (title != null && title.strip().equals("Error")) {
            return new ReadError(name, line, "the arXiv API answered with an error: "
                    + JsonlReader.oneLine(summary == null ? "(no message)" : summary));
        }
        for (String field : new String[] {id, title, summary}) {
            if (field != null && field.indexOf('\uFFFD') >= 0) return new ReadError(name, line, "invalid UTF-8 in the entry");
        }
        if (id == null || id.isBlank()) return new ReadError(name, line, "entry has no id");
        if (summary == null) return new ReadError(name, line, "entry has no summary (abstract)");
        if (summary.isBlank()) return new ReadError(name, line, "empty summary (abstract)");
        Matcher m = ABS.matcher(id);
        String paperId = id;
        if (m.find()) {
            paperId = m.group(1);
            if (m.group(2) != null) extra.put("version", m.group(2));
            if (!id.equals(paperId)) extra.put("url", id);
        }
        if (!categories.isEmpty()) extra.put("categories", categories);
        if (!authors.isEmpty()) extra.put("authors", authors);
        return new PaperRecord(name, line, new Paper(paperId, title, summary, extra));
    }

    private static String strip(String s) {
        return s == null ? null : s.strip();
    }

    /**
     * Reads the text of the element at hand up to its end tag, as {@link XMLStreamReader#getElementText}
     * does (text only; comments and processing instructions left out), but keeping the text of inline
     * markup ({@code <i>}, MathML) and dropping its tags, and in chunks: past the limit
     * it only counts, the element's text is null, and the entry remembers the first element too long.
     */
    private static final class Text {
        private final int limit;
        private final char[] chunk = new char[8192];
        private final StringBuilder kept = new StringBuilder();
        String overLimit;
        long overLength;

        Text(int limit) {
            this.limit = limit;
        }

        String read(XMLStreamReader xml) throws XMLStreamException {
            String element = xml.getLocalName();
            kept.setLength(0);
            long length = 0;
            int depth = 0;
            while (true) {
                int ev = xml.next();
                switch (ev) {
                    case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE,
                         XMLStreamConstants.ENTITY_REFERENCE -> {
                        for (int from = 0; ; ) {
                            int got = xml.getTextCharacters(from, chunk, 0, chunk.length);
                            if (got <= 0) break;
                            from += got;
                            length += got;
                            if (length <= limit) kept.append(chunk, 0, got);
                            if (got < chunk.length) break;
                        }
                    }
                    case XMLStreamConstants.PROCESSING_INSTRUCTION, XMLStreamConstants.COMMENT -> { }
                    case XMLStreamConstants.END_ELEMENT -> {
                        if (depth-- > 0) continue;
                        if (length <= limit) return kept.toString();
                        if (overLimit == null) {
                            overLimit = element;
                            overLength = length;
                        }
                        kept.setLength(0);
                        kept.trimToSize();
                        return null;
                    }
                    case XMLStreamConstants.END_DOCUMENT -> throw new XMLStreamException(
                            "unexpected end of document when reading element text content", xml.getLocation());
                    case XMLStreamConstants.START_ELEMENT -> depth++;
                    default -> throw new XMLStreamException("unexpected event type " + ev, xml.getLocation());
                }
            }
        }
    }
}
