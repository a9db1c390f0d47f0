package org.claimx.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
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
import org.claimx.io.Json;

/**
 * Reads claims and papers files (JSON Lines) as JSON trees, the way claimscore.py reads them as dicts:
 * the scorer must take predictions from any tool, so nothing is bound to the typed model records.
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
        forEachLine(file, (line, r) -> {
            if (!r.isObject()) throw new ClaimsFileException(file, line, "expected a JSON object", null);
            if (!r.has("claims") || r.has("value")) {
                out.add(r);
                return;
            }
            JsonNode claims = r.get("claims");
            if (!claims.isArray()) throw new ClaimsFileException(file, line, "claims must be a list", null);
            JsonNode paper = Py.truthy(Py.get(r, "id")) ? r.get("id") : r.get("paper");
            for (JsonNode c : claims) {
                if (!c.isObject()) {
                    throw new ClaimsFileException(file, line, "claims must be a list of objects", null);
                }
                if (!c.has("paper")) ((ObjectNode) c).set("paper", paper);
                out.add(c);
            }
        });
        return Collections.unmodifiableList(out);
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
        void accept(int line, JsonNode value) throws ClaimsFileException;
    }

    private static void forEachLine(Path file, LineHandler handler) throws IOException {
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
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
