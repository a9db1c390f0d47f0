package org.claimx.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import org.claimx.io.Json;

/**
 * Reads claims and papers files (JSON Lines, gzip or not) as JSON trees, the way claimscore.py reads them
 * as dicts: the scorer must take predictions from any tool, so nothing is bound to the typed model
 * records here. It is the one reader of claims files: the reports bind its trees to {@link
 * org.claimx.model.Claim} themselves.
 */
public final class ClaimsFile {
    /** json.loads accepts NaN and Infinity and refuses text after the value; so does this reader. */
    private static final ObjectReader READER = Json.mapper().reader()
            .with(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private ClaimsFile() {}

    /**
     * The claims of a file that holds one claim per line, or one paper per line with a {@code claims}
     * list (a line with {@code claims} and no {@code value}). A listed claim without {@code paper} takes
     * the line's {@code id}, or failing that its {@code paper}. Blank lines are skipped.
     *
     * @throws ClaimsFileException naming file and line when a line is not a JSON object or its
     *     {@code claims} is not a list of objects
     */
    public static List<JsonNode> readClaims(Path file) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        readClaims(file, (line, record, claims) -> out.addAll(claims));
        return Collections.unmodifiableList(out);
    }

    /** What a claims file gives line by line: the line's record (a claim, or a paper with its claims) and its claims. */
    public interface ClaimsHandler {
        void accept(int line, JsonNode record, List<JsonNode> claims) throws IOException;
    }

    /**
     * The claims of {@link #readClaims(Path)}, line by line with the record they came from, so that a
     * reader can keep what a paper record says besides its claims (its title).
     */
    public static void readClaims(Path file, ClaimsHandler handler) throws IOException {
        forEachLine(file, (line, r) -> {
            if (!r.isObject()) throw new ClaimsFileException(file, line, "expected a JSON object", null);
            if (!r.has("claims") || r.has("value")) {
                handler.accept(line, r, List.of(r));
                return;
            }
            JsonNode claims = r.get("claims");
            if (!claims.isArray()) throw new ClaimsFileException(file, line, "claims must be a list", null);
            JsonNode paper = Py.truthy(Py.get(r, "id")) ? r.get("id") : r.get("paper");
            List<JsonNode> listed = new ArrayList<>();
            for (JsonNode c : claims) {
                if (!c.isObject()) {
                    throw new ClaimsFileException(file, line, "claims must be a list of objects", null);
                }
                if (!c.has("paper")) ((ObjectNode) c).set("paper", paper);
                listed.add(c);
            }
            handler.accept(line, r, listed);
        });
    }

    /**
     * Whether a file holds claims rather than papers: its first record is a claim ({@code value} and
     * {@code paper}) or a paper record with a {@code claims} list. A first line that is not a JSON
     * object is not a claims file.
     */
    public static boolean isClaimsFile(Path file) throws IOException {
        try (BufferedReader r = reader(file)) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank()) continue;
                if (!line.strip().startsWith("{")) return false;
                try {
                    JsonNode n = READER.readTree(line);
                    return (n.has("value") && n.has("paper")) || n.path("claims").isArray();
                } catch (JsonProcessingException e) {
                    return false;
                }
            }
        } catch (CharacterCodingException e) {
            return false;
        }
        return false;
    }

    /** A UTF-8 reader of a file, gzip or not (told from its first two bytes, whatever the name). */
    private static BufferedReader reader(Path file) throws IOException {
        // A pipe ("<(...)", a FIFO) through a FileInputStream: a channel's stream asks a pipe for its
        // position and fails ("Illegal seek").
        InputStream raw = Files.isRegularFile(file) ? Files.newInputStream(file) : new java.io.FileInputStream(file.toFile());
        InputStream in = new BufferedInputStream(raw);
        in.mark(2);
        int a = in.read();
        int b = in.read();
        in.reset();
        if (a == 0x1f && b == 0x8b) in = new GZIPInputStream(in);
        return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()));
    }

    /**
     * Papers ({@code id}, {@code title}, {@code abstract}, more fields kept) by id, in file order; a later
     * line with the same id replaces the earlier one, as in python. Blank lines and empty objects are skipped.
     *
     * @throws ClaimsFileException naming file and line when a line is not JSON or has no string id
     */
    public static Map<String, JsonNode> readPapers(Path file) throws IOException {
        Map<String, JsonNode> out = new LinkedHashMap<>();
        forEachLine(file, (line, r) -> {
            if (!Py.truthy(r)) return;
            String id = r.isObject() ? Py.text(r.get("id")) : null;
            if (id == null) throw new ClaimsFileException(file, line, "a paper needs a string id", null);
            out.put(id, r);
        });
        return Collections.unmodifiableMap(out);
    }

    private interface LineHandler {
        void accept(int line, JsonNode value) throws IOException;
    }

    private static void forEachLine(Path file, LineHandler handler) throws IOException {
        try (BufferedReader in = reader(file)) {
            int n = 0;
            for (String line = nextLine(in, file, n + 1); line != null; line = nextLine(in, file, n + 1)) {
                n++;
                line = Py.strip(line);
                if (line.isEmpty()) continue;
                JsonNode r;
                try {
                    r = READER.readTree(line);
                } catch (JsonProcessingException e) {
                    throw new ClaimsFileException(file, n, "not JSON: " + e.getOriginalMessage(), e);
                }
                handler.accept(n, r);
            }
        }
    }

    private static String nextLine(BufferedReader in, Path file, int line) throws IOException {
        try {
            return in.readLine();
        } catch (CharacterCodingException e) {
            throw new ClaimsFileException(file, line, "not UTF-8", e);
        }
    }
}
