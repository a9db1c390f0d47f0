package org.claimx.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.claimx.model.Paper;

/**
 * The papers of one request body, for {@code claimx serve}: read by the same readers and checks as
 * {@code claimx extract} reads a file ({@link PaperInput}), so that a record gives the same paper,
 * or the same reason it is not one, whichever way it comes in. A body is one JSON value (a paper, or
 * an array of papers) or text (one abstract); anything else, or any record that is not a paper, is a
 * problem for the whole request.
 */
public final class RequestPapers {
    /** The papers, or why the body is refused (then papers is empty). */
    public record Result(List<Paper> papers, String problem) {
        static Result problem(String p) {
            return new Result(List.of(), p);
        }
    }

    private RequestPapers() {}

    /** A JSON body: one paper object or one array of them; a second value after the first is refused. */
    public static Result json(byte[] body, ReadOptions options) {
        boolean array;
        try (JsonParser p = Json.mapper().getFactory().createParser(body)) {
            JsonToken first = p.nextToken();
            if (first == null) return Result.problem("no paper in the request");
            array = first == JsonToken.START_ARRAY;
            p.skipChildren();
            if (p.nextToken() != null) {
                return Result.problem("more than one JSON value in the body (from line " + p.currentTokenLocation().getLineNr()
                        + "): send one paper or one array of papers");
            }
        } catch (JsonProcessingException e) {
            return Result.problem("malformed JSON: " + JsonlReader.oneLine(e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Paper> papers = new ArrayList<>();
        try (PaperInput in = PaperInput.open(List.of(SourceOpener.STDIN), InputFormat.JSON, new ByteArrayInputStream(body), options)) {
            int i = 0;
            while (in.hasNext()) {
                InputRecord r = in.next();
                String where = array ? "paper " + i + ": " : "";
                if (r instanceof ReadError e) return Result.problem(where + e.reason());
                papers.add(((PaperRecord) r).paper());
                i++;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (papers.isEmpty()) return Result.problem("no paper in the request");
        return new Result(papers, null);
    }

    /** A text body: one abstract, with the id given; strict UTF-8, no NUL, not blank. */
    public static Result text(byte[] body, String id, ReadOptions options) {
        String text;
        try {
            text = new StrictUtf8().decode(body);
        } catch (StrictUtf8.InvalidUtf8 e) {
            return Result.problem(e.getMessage());
        }
        if (text.isBlank()) return Result.problem("empty abstract");
        if (text.indexOf('\0') >= 0) return Result.problem("NUL character in the abstract (binary data, not text)");
        if (text.length() > options.maxAbstractChars()) {
            return Result.problem("abstract of " + text.length() + " characters, over the limit of " + options.maxAbstractChars());
        }
        return new Result(List.of(new Paper(id, "", text)), null);
    }
}
