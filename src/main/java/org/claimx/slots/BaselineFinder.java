package org.claimx.slots;

import java.util.Set;
import java.util.regex.Matcher;
import org.claimx.values.ValueMention;

/**
 * What a changed value is compared against: the phrase after a comparison cue ("compared to
 * competitive baselines", "than 16-bit baselines", "over Hugging Face implementations", "outperforming
 * GOBO"), the cue nearest the value. Levels get none.
 */
final class BaselineFinder {
    private static final Set<String> STOP = Set.of("on", "in", "across", "with", "by", "at", "while", "when", "under",
            "for", "using", "through", "respectively", "achieving", "without", "up", "to", "from", "during", "and", "or",
            "is", "are", "was", "were", "achieves", "achieve", "in terms");

    private final SlotLexicon lex;

    BaselineFinder(SlotLexicon lex) {
        this.lex = lex;
    }

    /** The token range [from, to] of the baseline phrase nearest the value, or null. */
    int[] find(SentenceView s, ValueMention m) {
        int[] next = nextInList(s, m);
        if (next != null) return next;
        Matcher c = lex.comparison.matcher(s.text);
        int[] best = null;
        int bestDist = Integer.MAX_VALUE;
        while (c.find()) {
            int at = s.base + c.end();
            int cueStart = s.base + c.start();
            if (cueStart >= m.start() && cueStart < m.end()) continue;
            int t = s.tokenAt(at);
            while (t < s.size() && s.isDeterminer(t)) t++;
            int u = t;
            while (u < s.size() && u - t < 9 && !s.isBoundary(u) && !isStop(s, u)) u++;
            if (u == t || s.isNumber(t) && !s.word(t).matches(".*[A-Za-z].*")) continue;
            int[] range = new int[] {t, u - 1};
            // "the existing outlier-aware accelerator, GOBO, by 4.5x": the appositive name is the baseline.
            if (u + 2 < s.size() && s.word(u).equals(",")) {
                int k = u + 1;
                while (k < s.size() && k - u <= 3 && s.word(k).matches("[A-Z][\\w.+-]*")) k++;
                if (k > u + 1 && k < s.size() && s.word(k).equals(",")) range = new int[] {u + 1, k - 1};
            }
            // "matches the dense baseline's performance": the possessor is the baseline.
            for (int k = range[0]; k <= range[1]; k++) {
                if (s.tag(k).equals("POS")) {
                    range = new int[] {range[0], k - 1};
                    break;
                }
            }
            if (range[1] < range[0]) continue;
            int dist = Math.abs(at - m.start());
            if (dist < bestDist) {
                bestDist = dist;
                best = range;
            }
        }
        return best;
    }

    /**
     * "PPO exceeds zero-shot by 38.7 points and few-shot by 26.1 points": after a comparison and a first
     * "by" figure, "and B by v" names the baseline of v just before its own "by".
     */
    private int[] nextInList(SentenceView s, ValueMention m) {
        int v = s.tokenAt(m.start());
        if (v < 4 || !s.lower(v - 1).equals("by")) return null;
        int end = v - 2;
        int j = end;
        while (j > 0 && end - j < 3 && !s.lower(j - 1).equals("and") && !s.isBoundary(j - 1) && !s.isNumber(j - 1)) j--;
        if (j < 3 || !s.lower(j - 1).equals("and") || s.isDeterminer(j) && j == end) return null;
        // Before "and": "CUE A by 38.7 points", the first baseline right after the comparison cue, then its figure.
        int by = -1;
        for (int k = j - 2; k >= Math.max(1, j - 4); k--) {
            if (s.lower(k).equals("by") && Character.isDigit(s.word(k + 1).charAt(0))) {
                by = k;
                break;
            }
        }
        if (by < 2) return null;
        for (int p = by - 1; p >= Math.max(1, by - 4); p--) {
            String before = s.text.substring(0, s.begin(p) - s.base);
            Matcher c = lex.comparison.matcher(before);
            while (c.find()) {
                if (c.end() == before.length()) return new int[] {j, end};
            }
            if (s.isBoundary(p - 1)) break;
        }
        return null;
    }

    /**
     * A comparison reaches a value in its own clause; across a comma only when it opens the sentence
     * ("Compared to competitive baselines, mllm-NPU achieves") or follows the value's clause
     * ("by 63.3%, compared to a BF16 baseline").
     */
    private static boolean sameClause(SentenceView s, int cue, int first, int last) {
        int from = Math.min(cue, first);
        int to = Math.max(cue, last);
        int breaks = 0;
        int lastBreak = -1;
        for (int k = from; k <= to; k++) {
            if (k >= first && k <= last) continue;
            if (s.word(k).equals(",") || s.word(k).equals(";") || s.lower(k).equals("while") || s.lower(k).equals("whereas")) {
                breaks++;
                lastBreak = k;
            }
        }
        if (breaks == 0) return true;
        if (cue < first) return cue <= 1 && breaks == 1 && s.word(lastBreak).equals(",");
        return breaks == 1 && lastBreak == cue - 1 && s.word(lastBreak).equals(",");
    }

    private static final java.util.regex.Pattern BASELINE_PHRASE =
            java.util.regex.Pattern.compile("(?i)\\b((?:[\\w-]+\\s+){0,2}baselines?)\\b");

    /** "achieving dense baseline image quality in 47.2% of the time": a phrase that names a baseline. */
    int[] named(SentenceView s, ValueMention m) {
        java.util.regex.Matcher b = BASELINE_PHRASE.matcher(s.text);
        int[] best = null;
        while (b.find()) {
            int from = s.tokenAt(s.base + b.start(1));
            int to = s.tokenBefore(s.base + b.end(1));
            while (from <= to && (s.isDeterminer(from) || s.isVerb(from) || s.tag(from).equals("VBG"))) from++;
            if (from > to || !sameClause(s, from, s.tokenAt(m.start()), s.tokenBefore(m.end()))) continue;
            if (best == null || Math.abs(s.begin(from) - m.start()) < Math.abs(s.begin(best[0]) - m.start())) best = new int[] {from, to};
        }
        return best;
    }

    private boolean isStop(SentenceView s, int i) {
        String w = s.lower(i);
        if (w.equals("and") || w.equals("or")) {
            return i + 1 >= s.size() || !(Character.isUpperCase(s.word(i + 1).charAt(0)) || s.word(i + 1).contains("-"));
        }
        return STOP.contains(w) || s.isNumber(i) && !w.matches(".*[a-z].*") || s.isVerb(i) && !s.isNoun(i) && i > 0;
    }
}
