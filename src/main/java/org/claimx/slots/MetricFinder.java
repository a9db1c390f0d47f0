package org.claimx.slots;

import java.util.Locale;
import java.util.Set;
import org.claimx.model.Change;
import org.claimx.model.Unit;

/**
 * Reads what a value measures and which way it went, from the words around it:
 * <ul>
 * <li>a change verb, what it changed, "by": "reduces memory requirements by 73%", "accelerates inference
 * by 2x", "reduces X by 13.81% and Y by 84.55%"; an intransitive one: "accuracy drops by 34%";</li>
 * <li>a comparison verb, whose object is the baseline: "surpasses GOBO by 2.6x speedup" (the metric
 * follows the value);</li>
 * <li>after the value: "22.4x faster prefill speed", "30.7x energy savings", "53 times reduction in
 * parameters", "55.8% of the FLOPs" (a share, a level);</li>
 * <li>before it: "top-1 accuracy of 79.2%", "a speedup of 2.4x", "context lengths 2-19x longer",
 * "less memory (19.2GB vs. 24.2GB)".</li>
 * </ul>
 * Change words are taken off the phrase and become the change ("energy savings" is energy, decrease).
 */
final class MetricFinder {
    private static final Set<String> PREPOSITIONS = Set.of("in", "of", "for", "on");
    private static final Set<String> COMPARISONS = Set.of("over", "than", "against", "versus", "vs.");

    /** What was found, and the pattern that found it ("verb-by", "after", "of", "cue", or none). */
    record Result(String metric, Change change, String pattern, boolean improves) {
        static final Result NONE = new Result(null, null, null, false);

        Result(String metric, Change change, String pattern) {
            this(metric, change, pattern, false);
        }

        boolean comparedOnly() { return metric == null && change != null; }
    }

    private final SlotLexicon lex;

    MetricFinder(SlotLexicon lex) {
        this.lex = lex;
    }

    Result find(SentenceView s, int first, int last, Unit unit, Trace trace) {
        boolean byBefore = first > 0 && (s.lower(first - 1).equals("by") || s.lower(first - 1).equals("to"));
        if (byBefore) {
            int by = first - 1;
            // "improves accuracy from 71.5% to 74.7%": the verb stands before "from".
            for (int k = by - 1; k >= Math.max(0, by - 5) && s.lower(by).equals("to"); k--) {
                if (s.lower(k).equals("from")) {
                    by = k;
                    break;
                }
            }
            Result r = verbPhraseBy(s, by, last, unit, trace);
            if (r != null) return r;
        }
        // "This saves almost half of the parameters", "(<1% model weights" after "overhead".
        int v = first - 1;
        if (v >= 0 && s.word(v).equals("(")) v--;
        SlotLexicon.ChangeCue leading = v >= 0 ? lex.cue(s.word(v)) : null;
        if (leading != null && (s.tag(v).startsWith("VB") || s.word(first - 1).equals("("))) {
            Result a = phraseAfter(s, last + 1, first, unit, new Trace());
            String metric = a != null ? a.metric() : null;
            trace.add("change", "change word right before the value", s.word(v));
            if (metric != null) trace.add("metric", "phrase after the value", metric);
            return new Result(metric, leading.change(), "verb-by", leading.improves());
        }
        Result after = phraseAfter(s, last + 1, first, unit, trace);
        if (after != null) return after;
        Result before = phraseBefore(s, first, last, unit, trace);
        if (before != null) return before;
        int from = first;
        while (from > 0 && first - from < 5 && !s.isBoundary(from - 1)) from--;
        int to = last;
        while (to + 1 < s.size() && to - last < 3 && !s.isBoundary(to + 1)) to++;
        for (int k = from; k <= to; k++) {
            if (k >= first && k <= last) continue;
            SlotLexicon.ChangeCue c = lex.cue(s.word(k));
            if (c != null) {
                trace.add("change", "cue word near value", s.word(k));
                return new Result(c.impliedMetric(), c.change(), "cue", c.improves());
            }
        }
        return Result.NONE;
    }

    /** "reduces memory requirements by 73%", and the chain "reduces X by A and Y by B". */
    private Result verbPhraseBy(SentenceView s, int by, int last, Unit unit, Trace trace) {
        int j = by - 1;
        int npEnd = by - 1;
        while (j >= 0 && by - j < 16) {
            String w = s.lower(j);
            if (lex.cue(s.word(j)) != null && (!s.isNoun(j) || j + 1 < by && PREPOSITIONS.contains(s.lower(j + 1)))) break;
            if (COMPARISONS.contains(w) || w.equals("compared")) npEnd = j - 1;
            else if ((w.equals("and") || w.equals(",")) && j > 0 && (s.isNumber(j - 1) || s.word(j - 1).equals("%"))) {
                // "reduces inference time by 13.81% and cloud computation costs by 84.55%": back to the verb.
                int k = j - 1;
                while (k >= 0 && !s.lower(k).equals("by")) k--;
                if (k < 0) return null;
                Result chained = verbPhraseBy(s, k, last, unit, new Trace());
                if (chained == null) return null;
                Phrase p = strip(s, j + 1, npEnd);
                String metric = p.text() != null ? p.text() : chained.metric();
                trace.add("metric", "verb-phrase-by-value, chained", metric);
                return new Result(metric, chained.change(), "verb-by", chained.improves());
            } else if (s.isBoundary(j) || !(s.isPhrasePart(j) || s.isDeterminer(j) || PREPOSITIONS.contains(w)
                    || s.tag(j).startsWith("RB") || s.tag(j).equals("CC") || s.isNoun(j) || w.equals("average"))) {
                return null;
            }
            j--;
        }
        if (j < 0 || lex.cue(s.word(j)) == null) return null;
        SlotLexicon.ChangeCue verb = lex.cue(s.word(j));
        if (verb.compares()) {
            Result after = phraseAfter(s, last + 1, by + 1, unit, new Trace());
            String metric = after == null ? null : after.metric();
            trace.add("metric", "comparison verb; metric after the value", metric);
            trace.add("change", "comparison verb", s.word(j));
            return new Result(metric, verb.change(), "compare", verb.improves());
        }
        Phrase p = strip(s, j + 1, npEnd);
        String metric = p.text();
        if (metric == null && j + 1 > npEnd) {
            // "causes accuracy to drop by 34%", "latency decreases by 40%": the changed thing precedes the verb.
            int e = j - 1;
            if (e >= 0 && s.lower(e).equals("to")) e--;
            int b = e;
            while (b >= 0 && e - b < 4 && s.isNoun(b)) b--;
            if (b < e) metric = strip(s, b + 1, e).text();
        }
        if (metric != null && verb.impliedMetric() != null && !metric.toLowerCase(Locale.ROOT).contains(verb.impliedMetric())) {
            metric = metric + " " + verb.impliedMetric();
        }
        if (metric == null) metric = verb.impliedMetric() != null ? verb.impliedMetric() : p.implied();
        trace.add("metric", "verb-phrase-by-value", s.word(j) + " … " + s.word(by));
        return new Result(metric, verb.change(), "verb-by", verb.improves());
    }

    /** "22.4x faster prefill speed", "30.7x energy savings", "53 times reduction in parameters", "55.8% of the FLOPs". */
    private Result phraseAfter(SentenceView s, int i, int first, Unit unit, Trace trace) {
        if (i < s.size() && s.word(i).equals(")") && first > 0 && s.word(first - 1).equals("(")) i++;
        Change change = null;
        boolean improves = false;
        String implied = null;
        int comparatives = 0;
        while (i < s.size() && (s.tag(i).equals("JJR") || s.tag(i).equals("RBR") || isComparative(s.lower(i)))) {
            SlotLexicon.ChangeCue c = lex.cue(s.word(i));
            if (c != null) {
                change = c.change();
                improves = c.improves();
                implied = c.impliedMetric();
            }
            comparatives++;
            i++;
        }
        if (i < s.size() && s.lower(i).equals("of") && change == null && (unit == Unit.PERCENT || unit == Unit.FRACTION)) {
            int j = skipDeterminers(s, i + 1);
            int end = phraseEnd(s, j);
            Phrase p = strip(s, j, end);
            if (p.text() != null) {
                trace.add("metric", "share-of-phrase", p.text());
                trace.add("change", "a share is a level", null);
                return new Result(p.text(), Change.LEVEL, "share");
            }
        }
        // "21.3 points of AP-BEV": a score difference names its metric after "of".
        if (i < s.size() && s.lower(i).equals("of") && (unit == Unit.POINTS || unit == Unit.PP || unit == Unit.NONE)) {
            int j = skipDeterminers(s, i + 1);
            Phrase q = strip(s, j, phraseEnd(s, j));
            if (q.text() != null) {
                trace.add("metric", "points-of-metric", q.text());
                return new Result(q.text(), change, "after", improves);
            }
        }
        int start = skipDeterminers(s, i);
        int end = phraseEnd(s, start);
        Phrase p = strip(s, start, end);
        if (p.change() != null && change == null) {
            change = p.change();
            improves = p.improves();
        }
        if (p.implied() != null && implied == null) implied = p.implied();
        // "53 times reduction in parameters", "~20% overheads for the attention computation".
        if (p.text() == null && end >= start && end + 1 < s.size() && PREPOSITIONS.contains(s.lower(end + 1))) {
            int j = skipDeterminers(s, end + 2);
            Phrase q = strip(s, j, phraseEnd(s, j));
            if (q.text() != null) {
                trace.add("metric", "value-change-noun-in-phrase", q.text());
                return new Result(q.text(), change, "after", improves);
            }
        }
        // "context lengths 2-19x longer than": the thing compared stands before the value.
        if (p.text() == null && comparatives > 0) {
            Phrase b = nounsBefore(s, first);
            if (b.text() != null) {
                trace.add("metric", "phrase-before-comparative", b.text());
                return new Result(b.text(), change, "after", improves);
            }
        }
        if (p.text() == null && change == null) return null;
        String metric = p.text() != null ? p.text() : implied;
        trace.add("metric", "phrase-after-value", metric);
        return new Result(metric, change, "after", improves);
    }

    /** "top-1 accuracy of 79.2%", "a speedup of 2.4x", "an increase of 5.2% in the Act.EM metric", "less memory (19.2GB". */
    private Result phraseBefore(SentenceView s, int first, int last, Unit unit, Trace trace) {
        int p = first - 1;
        if (p >= 0 && s.word(p).equals("(")) {
            int b = p - 1;
            while (b >= 0 && (s.isNoun(b) || s.isAdj(b) || s.isDeterminer(b))) b--;
            // "compared to full precision (69.48 vs. 72.41)": that phrase is what is compared against.
            if (b >= 0 && (COMPARISONS.contains(s.lower(b)) || s.lower(b).equals("to") || s.lower(b).equals("with"))) return null;
            Phrase np = nounsBefore(s, p);
            if (np.text() != null) {
                trace.add("metric", "phrase-before-parenthesis", np.text());
                return new Result(np.text(), np.change(), "of", np.improves());
            }
            return null;
        }
        if (p < 0 || !s.lower(p).equals("of")) return null;
        int j = p - 1;
        while (j >= 0 && p - j < 6 && (s.isPhrasePart(j) || lex.cue(s.word(j)) != null)) j--;
        // "accuracy improvements in the range of 15%-50%": the phrase before "in the range of".
        if (j + 1 <= p - 1 && s.lower(p - 1).equals("range") && j >= 1 && s.lower(j).equals("the") && s.lower(j - 1).equals("in")) {
            Phrase np = nounsBefore(s, j - 1);
            if (np.text() != null) {
                trace.add("metric", "phrase-in-the-range-of-value", np.text());
                return new Result(np.text(), np.change(), "of", np.improves());
            }
        }
        Phrase np = strip(s, j + 1, p - 1);
        if (np.text() == null && np.change() != null) {
            // "an increase of 5.2%-21.8% in the Act.EM metric": what changed follows the value.
            int k = last + 1;
            if (k < s.size() && s.lower(k).equals("in")) {
                int a = skipDeterminers(s, k + 1);
                Phrase q = strip(s, a, phraseEnd(s, a));
                if (q.text() != null) {
                    String metric = q.text().replaceFirst("(?i)\\s+metrics?$", "");
                    if (np.implied() != null) metric = metric + " " + np.implied();
                    trace.add("metric", "change-of-value-in-phrase", metric);
                    return new Result(metric, np.change(), "of", np.improves());
                }
            }
        }
        if (np.text() == null && np.implied() == null && np.change() == null) return null;
        String metric = np.text() != null ? np.text() : np.implied();
        trace.add("metric", "phrase-of-value", metric);
        return new Result(metric, np.change(), "of", np.improves());
    }

    private Phrase nounsBefore(SentenceView s, int at) {
        int e = at - 1;
        int b = e;
        while (b >= 0 && e - b < 5 && (s.isNoun(b) || s.isAdj(b) || s.tag(b).equals("JJR") || s.word(b).equals("-"))
                && !s.isBoundary(b)) {
            b--;
        }
        return b < e ? strip(s, b + 1, e) : new Phrase(null, null, null, false);
    }

    private static int skipDeterminers(SentenceView s, int i) {
        while (i < s.size() && s.isDeterminer(i)) i++;
        return i;
    }

    /** The last token of a noun phrase starting at {@code i} (i - 1 if there is none). */
    private int phraseEnd(SentenceView s, int i) {
        int start = i;
        if (i < s.size() && s.tag(i).equals("VBN")) return i - 1;
        while (i < s.size() && i - start < 6 && !s.isBoundary(i) && !COMPARISONS.contains(s.lower(i))
                && (s.isPhrasePart(i) || glued(s, i) && i > start
                || i > start && s.tag(i).equals("RP") && s.lower(i).equals("up")
                || i > start && s.lower(i).equals("per") && i + 1 < s.size() && s.isNoun(i + 1)
                || i > start && s.lower(i).equals("and") && i + 1 < s.size() && s.isNoun(i + 1) && s.isNoun(i - 1))) {
            if (s.tag(i).equals("VBG") && i > start && !s.isNoun(i - 1) && !s.isAdj(i - 1)) break;
            i++;
        }
        return i - 1;
    }

    /** "pass@1": a token written against the one before it belongs to the same word. */
    private static boolean glued(SentenceView s, int i) {
        return i > 0 && s.begin(i) == s.end(i - 1) && !s.word(i).matches("[,.;:()]");
    }

    private static boolean isComparative(String w) {
        return w.equals("lower") || w.equals("higher") || w.equals("less") || w.equals("more") || w.equals("fewer");
    }

    private record Phrase(String text, Change change, String implied, boolean improves) {}

    /** Takes change words, determiners and words that are no metric off both ends of a phrase. */
    private Phrase strip(SentenceView s, int from, int to) {
        Change change = null;
        boolean improves = false;
        String implied = null;
        while (from <= to && (lex.cue(s.word(from)) != null || s.isDeterminer(from) || lex.notMetrics.contains(s.lower(from))
                || s.tag(from).startsWith("RB") || s.tag(from).equals("JJR"))) {
            SlotLexicon.ChangeCue c = lex.cue(s.word(from++));
            if (c != null) {
                change = c.change();
                improves = c.improves();
                implied = c.impliedMetric();
            }
        }
        while (to >= from && (lex.cue(s.word(to)) != null || s.word(to).equals("-") || lex.notMetrics.contains(s.lower(to))
                || PREPOSITIONS.contains(s.lower(to)))) {
            SlotLexicon.ChangeCue c = lex.cue(s.word(to--));
            if (c != null) {
                change = c.change();
                improves = c.improves();
                if (c.impliedMetric() != null) implied = c.impliedMetric();
            }
        }
        String text = from <= to ? s.span(from, to) : null;
        // "a single 24 GB consumer GPU": hardware is no metric; "55.8% of the FLOPs" is.
        if (text != null && (lex.notMetrics.contains(text.toLowerCase(Locale.ROOT))
                || lex.isNotDataset(s.word(to)) && lex.classOf(text) == null)) {
            text = null;
        }
        return new Phrase(text, change, implied, improves);
    }
}
