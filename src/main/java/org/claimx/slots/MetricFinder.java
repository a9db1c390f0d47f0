package org.claimx.slots;

import java.util.Set;
import org.claimx.model.Change;

/**
 * Reads what a value measures and which way it went, from the words around it:
 * <ul>
 * <li>after it: "22.4x faster prefill speed", "30.7x energy savings", "53 times reduction in parameters";</li>
 * <li>a verb, a phrase, "by": "reduces memory requirements by 73%", "accelerates inference by 2x";</li>
 * <li>a phrase, "of": "top-1 accuracy of 79.2%", "a speedup of 2.4x";</li>
 * <li>"of" after it: "55.8% of the FLOPs" (a level stated as a share).</li>
 * </ul>
 * Change words are taken off the phrase and become the change ("energy savings" is energy, decrease).
 */
final class MetricFinder {
    private static final Set<String> PREPOSITIONS = Set.of("in", "of", "for");

    record Result(String metric, Change change) {
        static final Result NONE = new Result(null, null);
    }

    private final SlotLexicon lex;

    MetricFinder(SlotLexicon lex) {
        this.lex = lex;
    }

    Result find(SentenceView s, int first, int last, Trace trace) {
        boolean byBefore = first > 0 && (s.lower(first - 1).equals("by") || s.lower(first - 1).equals("to"));
        if (byBefore) {
            Result r = verbPhraseBy(s, first - 1, trace);
            if (r != null) return r;
        }
        Result after = phraseAfter(s, last + 1, trace);
        if (after != null) return after;
        if (first > 0 && s.lower(first - 1).equals("of")) {
            Result r = phraseOf(s, first - 1, trace);
            if (r != null) return r;
        }
        for (int k = Math.max(0, first - 5); k < Math.min(s.size(), last + 4); k++) {
            if (k >= first && k <= last) continue;
            SlotLexicon.ChangeCue c = lex.cue(s.word(k));
            if (c != null) {
                trace.add("change", "cue word near value", s.word(k));
                return new Result(c.impliedMetric(), c.change());
            }
        }
        return Result.NONE;
    }

    /** "22.4x faster prefill speed", "30.7x energy savings", "53 times reduction in parameters", "55.8% of the FLOPs". */
    private Result phraseAfter(SentenceView s, int i, Trace trace) {
        Change change = null;
        String implied = null;
        while (i < s.size() && (s.tag(i).equals("JJR") || s.tag(i).equals("RBR") || isComparative(s.lower(i)))) {
            SlotLexicon.ChangeCue c = lex.cue(s.word(i));
            if (c != null) {
                change = c.change();
                implied = c.impliedMetric();
            }
            i++;
        }
        if (i < s.size() && s.lower(i).equals("of") && change == null) {
            int j = i + 1;
            while (j < s.size() && s.isDeterminer(j)) j++;
            int end = phraseEnd(s, j);
            if (end >= j) {
                trace.add("metric", "value-of-phrase", s.span(j, end));
                trace.add("change", "a share is a level", null);
                return new Result(s.span(j, end), Change.LEVEL);
            }
        }
        int start = i;
        int end = phraseEnd(s, start);
        Phrase p = strip(s, start, end);
        if (p.change() != null && change == null) change = p.change();
        if (p.implied() != null && implied == null) implied = p.implied();
        // "53 times reduction in parameters": the change noun is followed by what changed.
        if (p.text() == null && end >= start && end + 1 < s.size() && PREPOSITIONS.contains(s.lower(end + 1))) {
            int j = end + 2;
            while (j < s.size() && s.isDeterminer(j)) j++;
            int e2 = phraseEnd(s, j);
            if (e2 >= j) {
                trace.add("metric", "value-change-noun-in-phrase", s.span(j, e2));
                return new Result(s.span(j, e2), change);
            }
        }
        if (p.text() == null && change == null) return null;
        String metric = p.text() != null ? p.text() : implied;
        trace.add("metric", "phrase-after-value", metric);
        return new Result(metric, change);
    }

    /** "reduces memory requirements by 73%": a change verb, what it changed, then "by" or "to". */
    private Result verbPhraseBy(SentenceView s, int by, Trace trace) {
        int j = by - 1;
        while (j >= 0 && by - j < 9 && lex.cue(s.word(j)) == null && !s.isBoundary(j)
                && (s.isPhrasePart(j) || s.isDeterminer(j) || PREPOSITIONS.contains(s.lower(j))
                || s.tag(j).startsWith("RB") || s.tag(j).equals("CC"))) {
            j--;
        }
        if (j < 0 || lex.cue(s.word(j)) == null) return null;
        SlotLexicon.ChangeCue verb = lex.cue(s.word(j));
        int from = j + 1;
        while (from < by && (s.isDeterminer(from) || s.tag(from).startsWith("RB"))) from++;
        Phrase p = strip(s, from, by - 1);
        String metric = p.text();
        if (metric != null && verb.impliedMetric() != null && !metric.toLowerCase().contains(verb.impliedMetric())) {
            metric = metric + " " + verb.impliedMetric();
        }
        if (metric == null) metric = verb.impliedMetric() != null ? verb.impliedMetric() : p.implied();
        trace.add("metric", "verb-phrase-by-value", s.word(j) + " … " + s.word(by));
        return new Result(metric, verb.change());
    }

    /** "top-1 accuracy of 79.2%", "a speedup of 2.4x", "an average score of 63.1". */
    private Result phraseOf(SentenceView s, int of, Trace trace) {
        int j = of - 1;
        while (j >= 0 && of - j < 6 && (s.isPhrasePart(j) || lex.cue(s.word(j)) != null)) j--;
        Phrase p = strip(s, j + 1, of - 1);
        if (p.text() == null && p.implied() == null) return null;
        String metric = p.text() != null ? p.text() : p.implied();
        trace.add("metric", "phrase-of-value", metric);
        return new Result(metric, p.change());
    }

    /** The last token of a noun phrase starting at {@code i} (i - 1 if there is none). */
    private int phraseEnd(SentenceView s, int i) {
        int start = i;
        while (i < s.size() && i - start < 6 && s.isPhrasePart(i) && !s.isBoundary(i) && !s.lower(i).equals("average")) {
            if (s.tag(i).equals("VBG") && i > start && !s.isNoun(i - 1) && !s.isAdj(i - 1)) break;
            i++;
        }
        return i - 1;
    }

    private static boolean isComparative(String w) {
        return w.equals("lower") || w.equals("higher") || w.equals("less") || w.equals("more") || w.equals("fewer");
    }

    private record Phrase(String text, Change change, String implied) {}

    /** Takes change words (and determiners) off both ends of a phrase and keeps what they said. */
    private Phrase strip(SentenceView s, int from, int to) {
        Change change = null;
        String implied = null;
        while (from <= to && (lex.cue(s.word(from)) != null || s.isDeterminer(from))) {
            SlotLexicon.ChangeCue c = lex.cue(s.word(from++));
            if (c != null) {
                change = c.change();
                implied = c.impliedMetric();
            }
        }
        while (to >= from && (lex.cue(s.word(to)) != null || s.word(to).equals("-"))) {
            SlotLexicon.ChangeCue c = lex.cue(s.word(to--));
            if (c != null) {
                change = c.change();
                if (c.impliedMetric() != null) implied = c.impliedMetric();
            }
        }
        return new Phrase(from <= to ? s.span(from, to) : null, change, implied);
    }
}
