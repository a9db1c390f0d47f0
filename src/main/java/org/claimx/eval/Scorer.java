package org.claimx.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Scores predicted claims against gold claims by the rules of shared/CLAIMS.md "Scoring", giving the
 * figures of the reference implementation shared/tools/claimscore.py exactly: same matching order,
 * same tie-breaks, same floating-point operations.
 *
 * <p>Claims are JSON trees ({@link ClaimsFile}), so that any tool's predictions can be scored.
 */
public final class Scorer {
    /** The string slots, in the order the report lists them. */
    public static final List<String> SLOTS = List.of("method", "metric", "baseline", "dataset");

    /** Python's {@code \w} on str is exactly letters, numbers and underscore (checked over all of Unicode 14). */
    private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}_@.+/\\-]+");
    private static final Set<String> ARTICLES = Set.of("a", "an", "the");
    /** Where a value is not found in its field; python's 10**9, so such claims sort last. */
    private static final double NOWHERE = 1e9;

    private Scorer() {}

    /**
     * Scores {@code pred} against {@code gold}, as {@code claimscore.py score PAPERS GOLD PRED} does: gold
     * and predicted claims whose paper is not in {@code papers} are left out (the python drops gold ones
     * in its main and predicted ones in its score), then values are matched per paper and field.
     *
     * @param papers papers by id, as from {@link ClaimsFile#readPapers}; gives the text that places a
     *     claim without a span
     * @param gold gold claims, as from {@link ClaimsFile#readClaims}
     * @param pred predicted claims, in the same shape
     * @return the figures, and the missed, spurious and slot-disagreeing claims for an error listing
     * @throws IllegalArgumentException where the python would raise: a figure that is not a number, a
     *     slot that is neither string nor null, a span whose start is not a number
     */
    public static ScoreReport score(Map<String, JsonNode> papers, List<JsonNode> gold, List<JsonNode> pred) {
        Predicate<JsonNode> known = c -> {
            String id = Py.text(Py.get(c, "paper"));
            return id != null && papers.containsKey(id);
        };
        List<JsonNode> g = gold.stream().filter(known).toList();
        List<JsonNode> p = pred.stream().filter(known).toList();
        Match m = match(papers, g, p);
        Map<String, Double> slots = new LinkedHashMap<>();
        double n = Math.max(m.pairs().size(), 1);
        for (String s : SLOTS) {
            slots.put(s, count(m.pairs(), x -> sameSlot(Py.get(x.gold(), s), Py.get(x.pred(), s))) / n);
        }
        for (String s : List.of("change", "kind")) {
            slots.put(s, count(m.pairs(), x -> Py.eq(Py.get(x.gold(), s), Py.get(x.pred(), s))) / n);
        }
        slots.put("qualifier", count(m.pairs(), x -> Py.eq(qualifier(x.gold()), qualifier(x.pred()))) / n);
        List<Pair> disagreeing = m.pairs().stream().filter(x -> !full(x.gold(), x.pred())).toList();
        int tp = m.pairs().size() - disagreeing.size();
        return new ScoreReport(g.size(), p.size(), m.pairs().size(),
                Prf.of(m.pairs().size(), p.size(), g.size()), slots, Prf.of(tp, p.size(), g.size()),
                detection(papers, g, p, "result"), detection(papers, g, p, "setting"),
                m.loneGold(), m.lonePred(), disagreeing);
    }

    private static Prf detection(Map<String, JsonNode> papers, List<JsonNode> gold, List<JsonNode> pred, String kind) {
        Predicate<JsonNode> ofKind = c -> kind.equals(Py.text(Py.get(c, "kind")));
        List<JsonNode> gk = gold.stream().filter(ofKind).toList();
        List<JsonNode> pk = pred.stream().filter(ofKind).toList();
        return Prf.of(match(papers, gk, pk).pairs().size(), pk.size(), gk.size());
    }

    private static JsonNode qualifier(JsonNode c) {
        return Py.get(Py.obj(Py.get(c, "value")), "qualifier");
    }

    private static int count(List<Pair> pairs, Predicate<Pair> test) {
        int k = 0;
        for (Pair x : pairs) if (test.test(x)) k++;
        return k;
    }

    /** Gold and predicted claims paired by value, with the ones left over on each side. */
    public record Match(List<Pair> pairs, List<JsonNode> loneGold, List<JsonNode> lonePred) {
        public Match {
            pairs = List.copyOf(pairs);
            loneGold = List.copyOf(loneGold);
            lonePred = List.copyOf(lonePred);
        }
    }

    private record Group(List<JsonNode> gold, List<JsonNode> pred) {}

    private record Key(Object paper, Object field) {}

    /**
     * Pairs claims of the same paper and field with the same value: each gold claim, in order of
     * position, takes the unused predicted claim nearest in position, the first one on a tie. Groups,
     * pairs and leftovers come in the python's order (groups in order of first appearance, gold first).
     */
    public static Match match(Map<String, JsonNode> papers, List<JsonNode> gold, List<JsonNode> pred) {
        Map<Key, Group> by = new LinkedHashMap<>();
        for (JsonNode g : gold) group(by, g).gold().add(g);
        for (JsonNode p : pred) group(by, p).pred().add(p);
        Map<JsonNode, Double> pos = new IdentityHashMap<>();
        List<Pair> pairs = new ArrayList<>();
        List<JsonNode> loneGold = new ArrayList<>();
        List<JsonNode> lonePred = new ArrayList<>();
        for (Group grp : by.values()) {
            List<JsonNode> gs = byPosition(grp.gold(), papers, pos);
            List<JsonNode> ps = byPosition(grp.pred(), papers, pos);
            boolean[] used = new boolean[ps.size()];
            for (JsonNode g : gs) {
                int best = -1;
                double bestDistance = 0;
                for (int j = 0; j < ps.size(); j++) {
                    if (used[j] || !sameValue(g, ps.get(j))) continue;
                    double d = Math.abs(pos.get(g) - pos.get(ps.get(j)));
                    if (best < 0 || d < bestDistance) {
                        best = j;
                        bestDistance = d;
                    }
                }
                if (best < 0) {
                    loneGold.add(g);
                } else {
                    used[best] = true;
                    pairs.add(new Pair(g, ps.get(best)));
                }
            }
            for (int j = 0; j < ps.size(); j++) if (!used[j]) lonePred.add(ps.get(j));
        }
        return new Match(pairs, loneGold, lonePred);
    }

    private static Group group(Map<Key, Group> by, JsonNode c) {
        Key key = new Key(Py.hashKey(Py.get(c, "paper")), Py.hashKey(Py.get(c, "field")));
        return by.computeIfAbsent(key, k -> new Group(new ArrayList<>(), new ArrayList<>()));
    }

    /** A stable sort, as python's sorted is, so claims at the same position keep their file order. */
    private static List<JsonNode> byPosition(List<JsonNode> claims, Map<String, JsonNode> papers, Map<JsonNode, Double> pos) {
        for (JsonNode c : claims) pos.computeIfAbsent(c, k -> position(k, papers));
        List<JsonNode> sorted = new ArrayList<>(claims);
        sorted.sort((a, b) -> Double.compare(pos.get(a), pos.get(b)));
        return sorted;
    }

    /**
     * Where a value stands in its field, in code points: its span's start, else its text searched from
     * the start of its sentence, else from the start of the field; {@code 1e9} when it is not there.
     */
    public static double position(JsonNode c, Map<String, JsonNode> papers) {
        JsonNode span = Py.get(c, "span");
        if (Py.truthy(span)) {
            JsonNode start = span.isArray() ? span.get(0) : null;
            if (start == null || !(start.isNumber() || start.isBoolean())) {
                throw new IllegalArgumentException("span start must be a number: " + Py.repr(span));
            }
            return Py.toFloat(start);
        }
        String id = Py.text(Py.get(c, "paper"));
        JsonNode paper = id == null ? null : papers.get(id);
        String text = paper == null ? "" : Validator.fieldText(paper, Py.get(c, "field"));
        JsonNode vtNode = Py.get(Py.obj(Py.get(c, "value")), "text");
        String vt = Py.truthy(vtNode) ? textOf(vtNode, "value.text") : "";
        JsonNode sentence = Py.get(c, "sentence");
        String from = Py.truthy(sentence) ? textOf(sentence, "sentence") : "\0";
        int i = Py.find(text, vt, Math.max(Py.find(text, from, 0), 0));
        if (i < 0) i = Py.find(text, vt, 0);
        return i >= 0 ? i : NOWHERE;
    }

    private static String textOf(JsonNode v, String what) {
        if (!v.isTextual()) throw new IllegalArgumentException(what + " must be a string: " + Py.repr(v));
        return v.textValue();
    }

    /** Same unit, and the same number of figures, pairwise within 0.5% once sorted. */
    public static boolean sameValue(JsonNode g, JsonNode p) {
        JsonNode ug = Py.get(Py.obj(Py.get(g, "value")), "unit");
        JsonNode up = Py.get(Py.obj(Py.get(p, "value")), "unit");
        List<Double> fg = figures(g), fp = figures(p);
        if (!Py.eq(ug, up) || fg.size() != fp.size() || fp.isEmpty()) return false;
        for (int i = 0; i < fg.size(); i++) if (!close(fg.get(i), fp.get(i))) return false;
        return true;
    }

    /** The figures of a value, ascending: its bit widths if any, else its number, else its range's bounds. */
    public static List<Double> figures(JsonNode c) {
        JsonNode v = Py.obj(Py.get(c, "value"));
        JsonNode bits = Py.obj(Py.get(v, "bits"));
        List<JsonNode> got = new ArrayList<>();
        for (String k : List.of("w", "a", "kv")) if (Py.get(bits, k) != null) got.add(Py.get(bits, k));
        if (got.isEmpty()) {
            if (Py.get(v, "number") != null) got.add(Py.get(v, "number"));
            else got = Arrays.asList(Py.get(v, "low"), Py.get(v, "high"));
        }
        List<Double> out = new ArrayList<>();
        for (JsonNode x : got) if (x != null) out.add(Py.toFloat(x));
        // python's sorted compares with < alone: nan stays put and -0.0 ties 0.0, unlike Double.compare
        out.sort((a, b) -> a < b ? -1 : b < a ? 1 : 0);
        return Collections.unmodifiableList(out);
    }

    /** Within 0.5% of the larger magnitude (of 1e-9 near zero), bound included. */
    public static boolean close(double a, double b) {
        return Math.abs(a - b) <= 0.005 * Math.max(Math.max(Math.abs(a), Math.abs(b)), 1e-9);
    }

    /** Lower-cased words without punctuation or articles, plurals reduced: "The Top-1 Accuracies" gives [top-1, accuracy]. */
    public static List<String> words(String s) {
        String t = dropLoosePunctuation(NOT_WORD.matcher(s.toLowerCase(Locale.ROOT)).replaceAll(" "));
        List<String> out = new ArrayList<>();
        for (String w : t.split(" ")) if (!w.isEmpty() && !ARTICLES.contains(w)) out.add(stem(w));
        return out;
    }

    /**
     * Python's {@code re.sub(r"(?<!\w)[.\-+/]+|[.\-+/]+(?!\w)", " ", s)}: a run of . - + / goes unless it
     * joins two word characters ("top-1", "a.b"). Written out because Java's look-behind reads one UTF-16
     * unit and so takes a letter beyond the BMP ("𝐒-x") for a non-word; the steps are the regex's own,
     * including its backtracking: a run of two or more between words goes in two replacements.
     */
    static String dropLoosePunctuation(String s) {
        StringBuilder b = new StringBuilder(s.length());
        int done = 0;
        for (int i = 0; i < s.length(); ) {
            if (!isPunct(s.charAt(i))) {
                i++;
                continue;
            }
            int run = i;
            while (run < s.length() && isPunct(s.charAt(run))) run++;
            int end;
            if (i == 0 || !isWord(s.codePointBefore(i))) end = run;
            else if (run == s.length() || !isWord(s.codePointAt(run))) end = run;
            else if (run - 1 > i) end = run - 1;
            else {
                i = run;
                continue;
            }
            b.append(s, done, i).append(' ');
            done = end;
            i = end;
        }
        return b.append(s, done, s.length()).toString();
    }

    private static boolean isPunct(char c) {
        return c == '.' || c == '-' || c == '+' || c == '/';
    }

    private static boolean isWord(int cp) {
        int type = Character.getType(cp);
        return Character.isLetter(cp) || type == Character.DECIMAL_DIGIT_NUMBER || type == Character.LETTER_NUMBER
                || type == Character.OTHER_NUMBER || cp == '_';
    }

    /** Plural to singular, enough that "accuracies" meets "accuracy"; lengths count code points as python's len. */
    public static String stem(String w) {
        int n = w.codePointCount(0, w.length());
        if (n > 4 && w.endsWith("ies")) return w.substring(0, w.length() - 3) + "y";
        if (n > 3 && w.endsWith("s") && !w.endsWith("ss")) return w.substring(0, w.length() - 1);
        return w;
    }

    /**
     * Two slot values agree when both are null, or when their word-overlap F1 (over distinct words)
     * is at least 0.5.
     *
     * @throws IllegalArgumentException for a value that is neither a JSON string nor null
     */
    public static boolean sameSlot(JsonNode a, JsonNode b) {
        if (a == null || b == null) return a == null && b == null;
        return sameSlot(textOf(a, "slot"), textOf(b, "slot"));
    }

    /** {@link #sameSlot(JsonNode, JsonNode)} on strings, null for a JSON null. */
    public static boolean sameSlot(String a, String b) {
        if (a == null || b == null) return a == null && b == null;
        return sameWords(wordSet(a), wordSet(b));
    }

    /** The distinct {@link #words} of a slot value, for {@link #sameWords}. */
    public static Set<String> wordSet(String s) {
        return Set.copyOf(words(s));
    }

    /** {@link #sameSlot(String, String)} on the {@link #wordSet}s of two non-null values. */
    public static boolean sameWords(Set<String> sa, Set<String> sb) {
        if (sa.isEmpty() || sb.isEmpty()) return sa.isEmpty() && sb.isEmpty();
        int common = 0;
        for (String w : sa) if (sb.contains(w)) common++;
        if (common == 0) return false;
        double prec = (double) common / sa.size(), rec = (double) common / sb.size();
        return 2 * prec * rec / (prec + rec) >= 0.5;
    }

    /** All four slots agree and the change is equal: the claim counts for the tuple score. */
    public static boolean full(JsonNode g, JsonNode p) {
        for (String s : SLOTS) if (!sameSlot(Py.get(g, s), Py.get(p, s))) return false;
        return Py.eq(Py.get(g, "change"), Py.get(p, "change"));
    }
}
