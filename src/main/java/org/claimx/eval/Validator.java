package org.claimx.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The checks of claimscore.py {@code validate}, with its messages word for word, so that a file passes
 * or fails here exactly as it does there.
 */
public final class Validator {
    /** The closed vocabularies of shared/CLAIMS.md; they are the contract, not a tunable lexicon. */
    private static final Set<String> UNITS = Set.of("x", "%", "pp", "points", "bits", "params", "tokens",
            "tokens/s", "ms", "s", "min", "h", "KB", "MB", "GB", "TB", "$", "J", "W", "FLOPs", "samples",
            "GPUs", "fraction", "none");
    private static final Set<String> QUALIFIERS = Set.of("up to", "at least", "more than", "less than",
            "at most", "about", "average");
    private static final Set<String> CHANGES = Set.of("increase", "decrease", "level");
    private static final Set<String> CLASSES = Set.of("speed", "quality", "memory", "size", "cost",
            "precision", "data", "other");
    private static final Set<String> KINDS = Set.of("result", "setting");

    private Validator() {}

    /**
     * The problems of each claim against its paper, one message per problem, prefixed with the claim's
     * 1-based index and its paper id ({@code claim 3 (853a153b1aba): unit 'X' not canonical}); empty when
     * the claims are valid. A claim whose paper is unknown gets that one problem and no others.
     */
    public static List<String> validate(Map<String, JsonNode> papers, List<JsonNode> claims) {
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < claims.size(); i++) {
            check(papers, claims.get(i), "claim " + (i + 1) + " (" + Py.str(Py.get(claims.get(i), "paper")) + ")",
                    problems);
        }
        return Collections.unmodifiableList(problems);
    }

    private static void check(Map<String, JsonNode> papers, JsonNode c, String where, List<String> problems) {
        String paperId = Py.text(Py.get(c, "paper"));
        JsonNode p = paperId == null ? null : papers.get(paperId);
        if (p == null) {
            problems.add(where + ": unknown paper");
            return;
        }
        JsonNode field = Py.get(c, "field");
        if (!in(Set.of("title", "abstract"), field)) {
            problems.add(where + ": field must be title or abstract");
        }
        JsonNode v = Py.obj(Py.get(c, "value"));
        String text = fieldText(p, field);
        JsonNode vt = Py.get(v, "text");
        if (!Py.truthy(vt) || !vt.isTextual() || !text.contains(vt.textValue())) {
            problems.add(where + ": value.text " + Py.repr(vt) + " is not in the " + Py.str(field));
        }
        JsonNode span = Py.get(c, "span");
        if (span != null && !spanHolds(span, text, vt)) {
            problems.add(where + ": span " + Py.repr(span) + " does not hold value.text " + Py.repr(vt));
        }
        if (!in(UNITS, Py.get(v, "unit"))) {
            problems.add(where + ": unit " + Py.repr(Py.get(v, "unit")) + " not canonical");
        }
        JsonNode q = Py.get(v, "qualifier");
        if (q != null && !in(QUALIFIERS, q)) {
            problems.add(where + ": qualifier " + Py.repr(q));
        }
        if (Py.get(v, "number") == null && (Py.get(v, "low") == null || Py.get(v, "high") == null)
                && !Py.truthy(Py.get(v, "bits"))) {
            problems.add(where + ": needs number, or low and high, or bits");
        }
        closed(CHANGES, c, "change", where, problems);
        closed(KINDS, c, "kind", where, problems);
        closed(CLASSES, c, "metric_class", where, problems);
        for (String s : Scorer.SLOTS) {
            JsonNode slot = Py.get(c, s);
            if (slot != null && !slot.isTextual()) problems.add(where + ": " + s + " must be a string or null");
        }
    }

    /** {@code p.get(field, "") or ""}; a field that is not a string names no key of a JSON object. */
    static String fieldText(JsonNode paper, JsonNode field) {
        String key = Py.text(field);
        String text = key == null ? null : Py.text(Py.get(paper, key));
        return text == null ? "" : text;
    }

    /** A span holds the text when it is a two-element list slicing exactly value.text out of the field. */
    private static boolean spanHolds(JsonNode span, String text, JsonNode vt) {
        if (!span.isArray() || span.size() != 2 || vt == null || !vt.isTextual()) return false;
        try {
            return Py.slice(text, Py.index(span.get(0)), Py.index(span.get(1))).equals(vt.textValue());
        } catch (IllegalArgumentException notAnIndex) {
            // python raises here; a span that cannot index the text is reported rather than fatal
            return false;
        }
    }

    private static void closed(Set<String> allowed, JsonNode c, String key, String where, List<String> problems) {
        JsonNode v = Py.get(c, key);
        if (!in(allowed, v)) problems.add(where + ": " + key + " " + Py.repr(v));
    }

    private static boolean in(Set<String> allowed, JsonNode v) {
        return v != null && v.isTextual() && allowed.contains(v.textValue());
    }
}
