package org.claimx.slots;

import edu.stanford.nlp.ling.CoreLabel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.claimx.model.Unit;
import org.claimx.values.ValueMention;

/**
 * Features of the model's decisions, as strings: properties of text (words, parts of speech, word
 * shapes, distances, the rules that proposed a candidate, lexicon membership), never of one paper.
 *
 * <p>Needs: the tagged tokens of the sentence, the token range of the value, the candidates.
 */
public final class Features {
    private final SlotLexicon lex;

    Features(SlotLexicon lex) {
        this.lex = lex;
    }

    /** What the sentence and paper say around one value, shared by all its decisions. */
    record Context(List<CoreLabel> tokens, int vFrom, int vTo, ValueMention mention, boolean title, String systemName,
                   boolean selfSubjectBefore, int valuesInSentence, int indexInSentence, String relationRule,
                   PaperText paper, ValueGroups.Place group) {}

    /**
     * The lower-cased text of a paper, with the counts of phrases in it kept as they are asked for, and
     * whether the paper introduces a benchmark or dataset of its own ({@link PaperKind}).
     */
    public static final class PaperText {
        private final String text;
        private final boolean benchmark;
        private final java.util.Map<String, Integer> counts = new java.util.HashMap<>();

        PaperText(String title, String abstractText, boolean benchmark) {
            this.text = (title + "\n" + abstractText).toLowerCase(Locale.ROOT);
            this.benchmark = benchmark;
        }

        int occurrences(String lowerPhrase) {
            return counts.computeIfAbsent(lowerPhrase, p -> Features.occurrences(text, p));
        }
    }

    List<String> candidate(Context c, Candidate cand, List<Candidate> all) {
        List<String> f = new ArrayList<>();
        String unit = "u=" + c.mention().value().unit().json();
        f.add("bias");
        for (String r : cand.rules()) {
            f.add("rule=" + r);
            f.add("rule=" + r + "&" + unit);
        }
        String bench = "bench=" + c.paper().benchmark;
        if (cand.isNone()) {
            f.add("none&" + bench);
            f.add("none&" + unit);
            f.add("none&vrule=" + family(c.mention().rule()));
            f.add("none&w-1=" + lower(c, c.vFrom() - 1));
            f.add("none&w+1=" + lower(c, c.vTo() + 1));
            f.add("none&title=" + c.title());
            if (c.relationRule() != null) f.add("none&rel=" + c.relationRule());
            for (int i = 0; i < c.tokens().size(); i++) {
                if (i >= c.vFrom() && i <= c.vTo()) continue;
                f.add("none&sw=" + lower(c, i));
            }
            return f;
        }
        String text = cand.text();
        boolean isSystem = c.systemName() != null && text != null && SlotChooser.sameFiller(text, c.systemName());
        if (isSystem) {
            f.add("system");
            f.add("system&self=" + c.selfSubjectBefore());
            f.add("system&" + bench);
        }
        if (lex.isKnownDataset(text)) f.add("lex=dataset");

        var cls = lex.classOf(text);
        if (cls != null) f.add("lex=metric");
        if (cls != null) f.add("lexclass=" + cls.json() + "&" + unit);
        f.add("shape=" + shape(text));
        f.add("wclass=" + wordClass(text));
        int seen = c.paper().occurrences(text.toLowerCase(Locale.ROOT));
        f.add("inpaper=" + (seen <= 1 ? "1" : seen <= 3 ? "2-3" : "4+"));
        if (!cand.inSentence()) {
            f.add("paper");
            f.add("paper&self=" + c.selfSubjectBefore());
            f.add("paper&inSentence=" + contains(c, text));
            f.add("paper&" + bench);
            return f;
        }
        int from = cand.from(), to = cand.to();
        String dir;
        int dist;
        if (to < c.vFrom()) {
            dir = "B";
            dist = c.vFrom() - to;
        } else if (from > c.vTo()) {
            dir = "A";
            dist = from - c.vTo();
        } else {
            dir = "O";
            dist = 0;
        }
        String d = bucket(dist);
        f.add("dir=" + dir);
        f.add("sentence&" + bench);
        f.add("dist=" + dir + d);
        f.add("dist=" + dir + d + "&" + unit);
        f.add("len=" + Math.min(cand.length(), 6));
        f.add("head=" + lower(c, to));
        f.add("head=" + lower(c, to) + "&" + dir);
        f.add("first=" + lower(c, from));
        f.add("hpos=" + tag(c, to));
        f.add("fpos=" + tag(c, from));
        f.add("prev=" + lower(c, from - 1));
        f.add("prev2=" + lower(c, from - 2) + "_" + lower(c, from - 1));
        f.add("next=" + lower(c, to + 1));
        f.add("prev=" + lower(c, from - 1) + "&" + dir);
        f.add("next=" + lower(c, to + 1) + "&" + dir);
        int a = dir.equals("B") ? to + 1 : c.vTo() + 1;
        int b = dir.equals("B") ? c.vFrom() - 1 : from - 1;
        if (dir.equals("O")) {
            f.add("overlap");
        } else if (b - a < 12) {
            for (int i = a; i <= b; i++) {
                String w = lower(c, i);
                f.add("btw=" + w);
                f.add("btw=" + w + "&" + dir);
                if (lex.isClauseBreak(w)) f.add("break");
            }
        } else {
            f.add("btw=far");
            for (int i = a; i <= b; i++) if (lex.isClauseBreak(lower(c, i))) { f.add("break"); break; }
        }
        if (!dir.equals("O")) clauses(c, a, b, dir, to, f);
        // Is it the nearest proposed phrase on its side of the value?
        int rank = 1;
        for (Candidate o : all) {
            if (o == cand || !o.inSentence()) continue;
            boolean sameSide = dir.equals("B") ? o.to() < c.vFrom() && o.to() > to
                    : dir.equals("A") && o.from() > c.vTo() && o.from() < from;
            if (sameSide) rank++;
        }
        f.add("rank=" + dir + Math.min(rank, 4));
        // Among the phrases one rule proposed, is this the nearest to the value on its side?
        for (String r : cand.rules()) {
            int rr = 1;
            for (Candidate o : all) {
                if (o == cand || !o.inSentence() || !o.rules().contains(r)) continue;
                boolean nearer = dir.equals("B") ? o.to() < c.vFrom() && o.to() > to
                        : dir.equals("A") && o.from() > c.vTo() && o.from() < from;
                if (nearer) rr++;
            }
            f.add("rrank=" + r + "&" + dir + Math.min(rr, 3));
        }
        if (cand.items() > 1) {
            f.add("item");
            f.add("item&count=" + (cand.items() == c.valuesInSentence()));
            if (cand.items() == c.valuesInSentence()) f.add("item&aligned=" + (cand.item() == c.indexInSentence()));
            // Against the list of values the value stands in ("to 47.69 and 40.68 respectively").
            var g = c.group();
            if (g.size() > 1 && cand.items() == g.size()) {
                String aligned = "item&in-list=" + (cand.item() == g.index());
                f.add(aligned);
                f.add(aligned + "&respectively=" + g.respectively());
            }
        }
        boolean paren = from > 0 && lower(c, from - 1).equals("(") && lower(c, to + 1).equals(")");
        if (paren) f.add("paren");
        return f;
    }

    /**
     * How far apart in clauses the phrase and the value stand, read from parts of speech: the verb
     * groups and the commas between them, and whether the phrase is the subject of the verb group
     * nearest before the value.
     */
    private static void clauses(Context c, int a, int b, String dir, int to, List<String> f) {
        int groups = 0, commas = 0;
        boolean inGroup = false;
        for (int i = a; i <= b; i++) {
            String t = tag(c, i);
            boolean verb = t.startsWith("VB") || t.equals("MD");
            if (verb && !inGroup) groups++;
            inGroup = verb || (inGroup && t.startsWith("RB"));
            String w = lower(c, i);
            if (w.equals(",") || w.equals(";") || w.equals(":")) commas++;
        }
        f.add("vgroups=" + dir + Math.min(groups, 3));
        f.add("commas=" + dir + Math.min(commas, 2));
        f.add("vg&c=" + dir + Math.min(groups, 2) + "_" + Math.min(commas, 1));
        if (dir.equals("B")) {
            int i = to + 1;
            while (i < c.vFrom() && (tag(c, i).startsWith("RB") || tag(c, i).equals("MD"))) i++;
            boolean subject = i < c.vFrom() && tag(c, i).startsWith("VB");
            if (subject) {
                // The verb group that follows the phrase is the last one before the value.
                while (i < c.vFrom() && (tag(c, i).startsWith("VB") || tag(c, i).startsWith("RB") || tag(c, i).equals("MD"))) i++;
                for (int k = i; k < c.vFrom() && subject; k++) if (tag(c, k).startsWith("VB") || tag(c, k).equals("MD")) subject = false;
                f.add("subject-of-value-verb=" + subject);
            }
        }
    }

    List<String> claim(Context c) {
        List<String> f = common(c);
        var v = c.mention().value();
        if (v.number() != null) {
            double n = Math.abs(v.number());
            f.add("int=" + (n == Math.rint(n)));
            f.add("mag=" + (n < 1 ? "<1" : n < 10 ? "<10" : n < 100 ? "<100" : n < 1000 ? "<1k" : n < 1e6 ? "<1M" : "big"));
            f.add("mag&u=" + f.get(f.size() - 1) + "&" + v.unit().json());
        }
        f.add("n-values=" + Math.min(c.valuesInSentence(), 4));
        f.add("title=" + c.title());
        return f;
    }

    List<String> change(Context c) {
        List<String> f = common(c);
        List<String> directionCues = new ArrayList<>();
        List<String> directions = new ArrayList<>();
        String text = c.mention().value().text();
        if (text.startsWith("+")) f.add("plus");
        if (text.startsWith("-") || text.startsWith("−")) f.add("minus");
        for (int i = Math.max(0, c.vFrom() - 10); i <= Math.min(c.tokens().size() - 1, c.vTo() + 10); i++) {
            if (i >= c.vFrom() && i <= c.vTo()) continue;
            String w = lower(c, i);
            f.add((i < c.vFrom() ? "wb=" : "wa=") + w);
            String t = tag(c, i);
            if (t.equals("JJR") || t.equals("RBR")) f.add("comparative=" + (i < c.vFrom() ? "B" : "A"));
            var better = lex.betterOf(w);
            if (better != null) {
                f.add("direction=" + better);
                directions.add(better.toString());
            }
            var cue = lex.cue(w);
            if (cue != null) {
                String side = i < c.vFrom() ? "B" : "A";
                int d = i < c.vFrom() ? c.vFrom() - i : i - c.vTo();
                String cf = "cue=" + cue.change().json() + (cue.improves() ? "+improves" : "");
                f.add(cf + "&" + side);
                f.add(cf + "&" + side + bucket(d));
                directionCues.add(cf);
            }
        }
        for (String cue : directionCues) for (String d : directions) f.add(cue + "&direction=" + d);
        return f;
    }

    private List<String> common(Context c) {
        List<String> f = new ArrayList<>();
        var v = c.mention().value();
        f.add("bias");
        f.add("u=" + v.unit().json());
        f.add("vrule=" + c.mention().rule());
        f.add("vfam=" + family(c.mention().rule()));
        f.add("q=" + (v.qualifier() == null ? "-" : v.qualifier().json()));
        f.add("range=" + v.isRange());
        if (c.relationRule() != null) f.add("rel=" + c.relationRule());
        for (int k = 1; k <= 3; k++) {
            f.add("w-" + k + "=" + lower(c, c.vFrom() - k));
            f.add("w+" + k + "=" + lower(c, c.vTo() + k));
        }
        f.add("w-1&u=" + lower(c, c.vFrom() - 1) + "&" + v.unit().json());
        f.add("w+1&u=" + lower(c, c.vTo() + 1) + "&" + v.unit().json());
        // How the words beside it are written: "Sonnet 4.5" (a version after a name) against "of 4.5".
        f.add("c-1=" + writing(c, c.vFrom() - 1));
        f.add("c+1=" + writing(c, c.vTo() + 1));
        f.add("t-1=" + tag(c, c.vFrom() - 1));
        f.add("t+1=" + tag(c, c.vTo() + 1));
        return f;
    }

    private static String family(String rule) {
        int dot = rule.indexOf('.');
        return dot < 0 ? rule : rule.substring(0, dot);
    }

    /** How often a phrase stands in the paper (title and abstract, lower-cased), as a whole word. */
    private static int occurrences(String paper, String phrase) {
        if (phrase.isEmpty()) return 0;
        int n = 0;
        for (int i = paper.indexOf(phrase); i >= 0 && n < 5; i = paper.indexOf(phrase, i + 1)) {
            boolean left = i == 0 || !Character.isLetterOrDigit(paper.charAt(i - 1));
            int end = i + phrase.length();
            boolean right = end >= paper.length() || !Character.isLetterOrDigit(paper.charAt(end));
            if (left && right) n++;
        }
        return n;
    }

    private static boolean contains(Context c, String text) {
        String t = text.toLowerCase(Locale.ROOT);
        for (int i = 0; i < c.tokens().size(); i++) if (lower(c, i).equals(t)) return true;
        return false;
    }

    static String lower(Context c, int i) {
        if (i < 0) return "<s>";
        if (i >= c.tokens().size()) return "</s>";
        if (i >= c.vFrom() && i <= c.vTo()) return "<value>";
        String w = c.tokens().get(i).word().toLowerCase(Locale.ROOT);
        return w.chars().anyMatch(Character::isDigit) ? shape(w) : w;
    }

    private static String writing(Context c, int i) {
        if (i < 0 || i >= c.tokens().size()) return "-";
        return wordClass(c.tokens().get(i).word());
    }

    private static String tag(Context c, int i) {
        if (i < 0 || i >= c.tokens().size()) return "-";
        String t = c.tokens().get(i).tag();
        return t == null ? "-" : t;
    }

    private static String bucket(int d) {
        return d <= 1 ? "1" : d <= 2 ? "2" : d <= 3 ? "3" : d <= 5 ? "5" : d <= 8 ? "8" : d <= 12 ? "12" : "far";
    }

    /**
     * A coarse class of a phrase's writing that unseen names share with seen ones: a digit in it, a
     * capital inside a word, all capitals, capitalised words, or lower case.
     */
    static String wordClass(String s) {
        boolean digit = false, innerCap = false, lower = false, upper = false, capWord = false;
        boolean start = true;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (Character.isDigit(ch)) digit = true;
            if (Character.isUpperCase(ch)) {
                upper = true;
                if (start) capWord = true; else innerCap = true;
            }
            if (Character.isLowerCase(ch)) lower = true;
            start = Character.isWhitespace(ch);
        }
        if (digit) return "digit";
        if (innerCap) return "innercap";
        if (upper && !lower) return "caps";
        if (capWord) return "capitalised";
        return "lower";
    }

    /** A word's shape: letters to X or x, digits to d, runs collapsed ("GPT-4o" → "X-dx"). */
    static String shape(String s) {
        StringBuilder b = new StringBuilder();
        char last = 0;
        for (int i = 0; i < s.length() && b.length() < 12; i++) {
            char ch = s.charAt(i);
            char k = Character.isUpperCase(ch) ? 'X' : Character.isLetter(ch) ? 'x' : Character.isDigit(ch) ? 'd'
                    : Character.isWhitespace(ch) ? '_' : ch;
            if (k != last) b.append(k);
            last = k;
        }
        return b.toString();
    }

    static boolean isUnitCounted(Unit u) {
        return u == Unit.PARAMS || u == Unit.FLOPS || u == Unit.SAMPLES || u == Unit.TOKENS;
    }
}
