package org.claimx.io;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.claimx.model.Paper;

/**
 * Where a JSON record keeps its paper. The dumps users have each name the fields their own way, and
 * each is told by a field that only it has:
 *
 * <ul>
 *   <li>{@code --id-field}, {@code --title-field}, {@code --abstract-field} given: those paths
 *       (dotted for nested objects: {@code paper.summary}); a field not given keeps its default.</li>
 *   <li>OpenAlex works ({@code abstract_inverted_index}): the abstract is rebuilt from the
 *       word → positions index in position order; the id is the OpenAlex URL; the DOI and the arXiv
 *       id, where the record has them, go to {@code doi} and {@code arxiv_id}.</li>
 *   <li>Hugging Face daily papers ({@code paper} is an object): {@code paper.id} (the arXiv id),
 *       {@code paper.title}, {@code paper.summary}.</li>
 *   <li>Semantic Scholar ({@code paperId} and no {@code id}): {@code paperId}, {@code title},
 *       {@code abstract}; {@code externalIds} rides along.</li>
 *   <li>Anything else, the Kaggle arXiv snapshot and claimx's own JSON Lines among them:
 *       {@code id}, {@code title}, {@code abstract}.</li>
 * </ul>
 *
 * <p>Needs: the record's top-level fields as plain Java values (maps, lists, strings, numbers,
 * booleans, and null for JSON null), and the text of its top-level numbers as written, so that a
 * number id is kept as written. Produces:
 * a paper, or the one-line reason it is not one.
 */
final class JsonShapes {
    private static final Pattern ARXIV = Pattern.compile("(?i)arxiv\\.org/(?:abs|pdf)/([^\\s?#]+?)(?:v\\d+)?(?:\\.pdf)?$|10\\.48550/arxiv\\.(.+)$");

    /** A paper, or why the record is not one. */
    record Result(Paper paper, String problem) {
        static Result problem(String why) { return new Result(null, why); }
    }

    private JsonShapes() {}

    static Result read(Map<String, Object> record, Map<String, String> written, FieldPaths paths) {
        if (paths != null && paths.any()) {
            return paper(record, written, paths.idOr("id"), paths.titleOr("title"), paths.abstractOr("abstract"), record);
        }
        if (record.containsKey("abstract_inverted_index")) return openAlex(record, written);
        if (record.get("paper") instanceof Map<?, ?>) return paper(record, written, "paper.id", "paper.title", "paper.summary", without(record, "paper"));
        if (record.containsKey("paperId") && !record.containsKey("id")) return paper(record, written, "paperId", "title", "abstract", record);
        return paper(record, written, "id", "title", "abstract", record);
    }

    /** The paper at these paths; every other top-level field rides along in {@code extra}. */
    private static Result paper(Map<String, Object> record, Map<String, String> written, String idPath, String titlePath, String abstractPath,
                                Map<String, Object> rest) {
        Lookup id = lookup(record, idPath);
        Lookup title = lookup(record, titlePath);
        Lookup abs = lookup(record, abstractPath);
        String problem = idProblem(idPath, id);
        if (problem == null && title.found() && title.value() != null && !(title.value() instanceof String)) {
            problem = titlePath + " is " + describe(title.value()) + ", not a string";
        }
        if (problem == null) problem = abstractProblem(abstractPath, abs);
        if (problem != null) return Result.problem(problem);
        Map<String, Object> extra = extra(rest, idPath, titlePath, abstractPath);
        return new Result(new Paper(idText(id.value(), written.get(idPath)), (String) title.value(), (String) abs.value(), extra), null);
    }

    private static Result openAlex(Map<String, Object> record, Map<String, String> written) {
        Lookup id = lookup(record, "id");
        String problem = idProblem("id", id);
        if (problem != null) return Result.problem(problem);
        Object index = record.get("abstract_inverted_index");
        if (index == null) return Result.problem("abstract_inverted_index is null (OpenAlex has no abstract for this work)");
        if (!(index instanceof Map<?, ?> words)) return Result.problem("abstract_inverted_index is " + describe(index) + ", not an object");
        TreeMap<Long, String> byPosition = new TreeMap<>();
        for (Map.Entry<?, ?> e : words.entrySet()) {
            if (!(e.getValue() instanceof List<?> positions)) {
                return Result.problem("abstract_inverted_index[\"" + e.getKey() + "\"] is " + describe(e.getValue()) + ", not a list of positions");
            }
            for (Object pos : positions) {
                if (!(pos instanceof Number n) || n.doubleValue() < 0 || n.doubleValue() != Math.floor(n.doubleValue())) {
                    return Result.problem("abstract_inverted_index[\"" + e.getKey() + "\"] holds " + describe(pos) + ", not a position");
                }
                byPosition.put(n.longValue(), (String) e.getKey());
            }
        }
        String text = String.join(" ", byPosition.values());
        if (text.isBlank()) return Result.problem("empty abstract (abstract_inverted_index has no words)");
        Object title = record.containsKey("title") ? record.get("title") : record.get("display_name");
        if (title != null && !(title instanceof String)) return Result.problem("title is " + describe(title) + ", not a string");
        Map<String, Object> extra = extra(record, "id", "title", "abstract_inverted_index");
        String arxiv = arxivId(record);
        if (arxiv != null) extra.put("arxiv_id", arxiv);
        return new Result(new Paper(idText(id.value(), written.get("id")), (String) title, text, extra), null);
    }

    /** The arXiv id of an OpenAlex work: from its DOI, its ids, or a location on arxiv.org. */
    private static String arxivId(Map<String, Object> record) {
        List<Object> places = new ArrayList<>();
        places.add(record.get("doi"));
        if (record.get("ids") instanceof Map<?, ?> ids) places.addAll(ids.values());
        for (String key : List.of("primary_location", "best_oa_location")) {
            if (record.get(key) instanceof Map<?, ?> loc) places.add(loc.get("landing_page_url"));
        }
        if (record.get("locations") instanceof List<?> locs) {
            for (Object l : locs) if (l instanceof Map<?, ?> loc) places.add(loc.get("landing_page_url"));
        }
        for (Object p : places) {
            if (!(p instanceof String s)) continue;
            Matcher m = ARXIV.matcher(s.strip());
            if (m.find()) return m.group(1) != null ? m.group(1) : m.group(2);
        }
        return null;
    }

    private static String idProblem(String path, Lookup id) {
        if (!id.found() || id.value() == null) return "no " + path;
        Object v = id.value();
        if (!(v instanceof String) && !(v instanceof Number)) return path + " is " + describe(v) + ", not a string or number";
        if (idText(v, null).isBlank()) return "empty " + path;
        return null;
    }

    private static String abstractProblem(String path, Lookup abs) {
        if (!abs.found()) return "no " + path;
        if (abs.value() == null) return path + " is null";
        if (!(abs.value() instanceof String s)) return path + " is " + describe(abs.value()) + ", not a string";
        if (s.isBlank()) return "empty " + path;
        return null;
    }

    /** A number id as written ("2401.10200"), not as a double would print it. */
    private static String idText(Object v, String written) {
        if (v instanceof Number n) return written != null ? written : n instanceof BigDecimal b ? b.toPlainString() : n.toString();
        return (String) v;
    }

    private record Lookup(boolean found, Object value) {}

    /** Follows a dotted path through nested objects. */
    static Lookup lookup(Map<String, Object> record, String path) {
        Object cur = record;
        for (String part : path.split("\\.")) {
            if (!(cur instanceof Map<?, ?> m) || !m.containsKey(part)) return new Lookup(false, null);
            cur = m.get(part);
        }
        return new Lookup(true, cur);
    }

    private static Map<String, Object> without(Map<String, Object> record, String key) {
        Map<String, Object> out = new LinkedHashMap<>(record);
        out.remove(key);
        return out;
    }

    /** The fields besides the paper's own, nulls dropped (they say nothing and Paper cannot hold them). */
    private static Map<String, Object> extra(Map<String, Object> record, String... used) {
        Map<String, Object> out = new LinkedHashMap<>();
        record.forEach((k, v) -> {
            if (v != null && !List.of(used).contains(k)) out.put(k, v);
        });
        return out;
    }

    static String describe(Object v) {
        if (v == null) return "null";
        if (v instanceof Map<?, ?>) return "an object";
        if (v instanceof List<?>) return "an array";
        if (v instanceof String) return "a string";
        if (v instanceof Number) return "a number";
        if (v instanceof Boolean) return "a boolean";
        return v.getClass().getSimpleName();
    }
}
