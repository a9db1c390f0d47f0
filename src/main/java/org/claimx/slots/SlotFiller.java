package org.claimx.slots;

import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import org.claimx.model.Change;
import org.claimx.model.Kind;
import org.claimx.model.MetricClass;
import org.claimx.model.Unit;
import org.claimx.values.ValueMention;

/**
 * Fills method, metric, change, baseline and dataset for the values of one sentence.
 *
 * <p>Needs: a part-of-speech-tagged sentence, its value mentions, the paper context and the
 * normalised field text (offsets of mentions point into it). Produces: one {@link Filled} per value
 * that remains a claim after the relations between values are applied. Every slot comes from the
 * same sentence or the paper's own system name; the {@code why} trace says which pattern gave it.
 */
public final class SlotFiller {
    private static final Set<String> NP_STOP = Set.of("on", "in", "of", "for", "with", "by", "at", "to", "and", "or",
            "than", "over", "across", "while", "compared", "relative", "vs.", "versus", "against", "when", "under",
            "average", "respectively", "the", "a", "an", "is", "are", "was", "were");
    private static final java.util.regex.Pattern NEXT_WORDS =
            java.util.regex.Pattern.compile("^[\\s-]+(\\w+(?:[\\s-]+cache)?)(?:[\\s-]+(\\w+(?:[\\s-]+cache)?))?");
    private static final java.util.regex.Pattern CLAUSE_BREAK =
            java.util.regex.Pattern.compile("[,;]|\\b(?:while|whereas|but)\\b");
    private static final Set<String> PRONOUNS = Set.of("we", "it", "our", "they", "this", "which", "its");

    /** A value that stays a claim, and its slots. */
    public record Filled(ValueMention mention, Slots slots, String relationRule) {}

    private final SlotLexicon lex;

    public SlotFiller(SlotLexicon lex) {
        this.lex = lex;
    }

    public List<Filled> fill(PaperContext ctx, String docText, CoreMap sentence, List<ValueMention> mentions) {
        SentenceView s = new SentenceView(sentence);
        Relations.Outcome rel = Relations.apply(docText, mentions);
        List<Filled> out = new ArrayList<>();
        String previousMethod = null;
        for (ValueMention kept : rel.kept()) {
            ValueMention m = withContextQualifier(s, kept);
            int first = s.tokenAt(m.start());
            int last = Math.max(first, s.tokenBefore(m.end()));
            StringBuilder why = new StringBuilder();
            String method = method(ctx, s, first, previousMethod, why);
            previousMethod = method;
            if (m.value().unit() == Unit.BITS) {
                m = withPrecisionTargets(s, m, why);
                out.add(new Filled(m, new Slots(Kind.SETTING, method, "precision", MetricClass.PRECISION, Change.LEVEL,
                        null, null, null, why.append("kind: precision unit").toString()), rel.rule().get(kept)));
                continue;
            }
            MetricAndChange mc = metricAndChange(s, first, last, why);
            Change change = rel.change().get(kept);
            if (change == null && m.value().text().startsWith("+")) {
                change = Change.INCREASE;
                why.append("; change: written with a plus sign");
            }
            if (change == null) change = mc.change();
            if (change == null) {
                change = m.value().unit() == Unit.X ? Change.INCREASE : Change.LEVEL;
                why.append("; change: default for unit ").append(m.value().unit().json());
            }
            String baseline = change == Change.LEVEL ? null : baseline(s, m, why);
            String dataset = dataset(s, last, first, why);
            MetricClass cls = lex.classOf(mc.metric());
            if (cls == null) cls = classOfUnit(m.value().unit());
            out.add(new Filled(m, new Slots(Kind.RESULT, method, mc.metric(), cls, change, baseline,
                    rel.baselineValue().get(kept), dataset, why.toString()), rel.rule().get(kept)));
        }
        return out;
    }

    /**
     * A value with no qualifier of its own takes one said around it in its clause ("22.4x ... on
     * average"): back to the previous comma, forward to the next one, or just past it when the next
     * clause opens with the qualifier (", averaged over 21 datasets").
     */
    private ValueMention withContextQualifier(SentenceView s, ValueMention m) {
        if (m.value().qualifier() != null || m.value().unit() == Unit.BITS) return m;
        int at = m.start() - s.base;
        int endAt = m.end() - s.base;
        int from = Math.max(0, at - 60);
        java.util.regex.Matcher b = CLAUSE_BREAK.matcher(s.text).region(from, at);
        while (b.find()) from = b.end();
        int to = Math.min(s.text.length(), endAt + 80);
        java.util.regex.Matcher a = CLAUSE_BREAK.matcher(s.text).region(endAt, to);
        String next = "";
        if (a.find()) {
            to = a.start();
            next = s.text.substring(a.end(), Math.min(s.text.length(), a.end() + 30)).stripLeading();
        }
        String window = s.text.substring(from, to);
        for (SlotLexicon.ContextQualifier q : lex.contextQualifiers) {
            java.util.regex.Matcher opening = q.pattern().matcher(next);
            if (q.pattern().matcher(window).find() || (opening.lookingAt())) {
                var v = m.value();
                return new ValueMention(m.start(), m.end(), m.rule(),
                        new org.claimx.model.Value(v.text(), v.number(), v.low(), v.high(), v.unit(), q.qualifier(), v.bits()));
            }
        }
        return m;
    }

    /**
     * Says what a precision's width applies to: the word right after it ("4-bit weights", "FP8
     * activation"), else the words before it in its sentence ("quantize LLM weights to 4-bit").
     */
    private ValueMention withPrecisionTargets(SentenceView s, ValueMention m, StringBuilder why) {
        var v = m.value();
        if (v.bits() != null || v.number() == null) return m;
        int endAt = m.end() - s.base;
        String after = s.text.substring(endAt, Math.min(s.text.length(), endAt + 30));
        java.util.Set<String> targets = new java.util.TreeSet<>();
        // The word right after the figure, else the one after that ("4-bit integer weights").
        java.util.regex.Matcher next = NEXT_WORDS.matcher(after);
        if (next.find()) {
            for (int g = 1; g <= 2 && targets.isEmpty(); g++) {
                if (next.group(g) == null) continue;
                for (SlotLexicon.PrecisionTarget t : lex.precisionTargets) {
                    if (t.word().matcher(next.group(g)).matches()) targets.add(t.target());
                }
            }
        }
        if (targets.isEmpty()) {
            int at = m.start() - s.base;
            int from = Math.max(Math.max(0, at - 100), s.text.lastIndexOf(';', at) + 1);
            String before = s.text.substring(from, at);
            for (SlotLexicon.PrecisionTarget t : lex.precisionTargets) {
                if (t.word().matcher(before).find()) targets.add(t.target());
            }
        }
        if (targets.isEmpty()) return m;
        Double w = targets.contains("w") ? v.number() : null;
        Double a = targets.contains("a") ? v.number() : null;
        Double kv = targets.contains("kv") ? v.number() : null;
        why.append("bits: applies to ").append(targets).append("; ");
        return new ValueMention(m.start(), m.end(), m.rule(), new org.claimx.model.Value(v.text(), v.number(), v.low(),
                v.high(), v.unit(), v.qualifier(), new org.claimx.model.Bits(w, a, kv)));
    }

    private record MetricAndChange(String metric, Change change) {}

    private MetricAndChange metricAndChange(SentenceView s, int first, int last, StringBuilder why) {
        // "22.4x faster prefill speed", "30.7x energy savings": the phrase after the value.
        int i = last + 1;
        Change change = null;
        String implied = null;
        while (i < s.size() && (s.tag(i).equals("JJR") || s.tag(i).equals("RBR") || s.word(i).equalsIgnoreCase("lower")
                || s.word(i).equalsIgnoreCase("higher"))) {
            SlotLexicon.ChangeCue c = lex.cue(s.word(i));
            if (c != null) {
                change = c.change();
                implied = c.impliedMetric();
            }
            i++;
        }
        int npStart = i;
        while (i < s.size() && i - npStart < 6 && (s.isNoun(i) || s.isAdj(i) || s.word(i).equals("-")
                || s.word(i).matches("\\w+-\\w+")) && !NP_STOP.contains(s.word(i).toLowerCase(Locale.ROOT))) {
            i++;
        }
        Phrase after = stripCues(s, npStart, i - 1);
        if (after.change() != null && change == null) change = after.change();
        if (after.implied() != null && implied == null) implied = after.implied();
        if (after.text() != null || change != null) {
            String metric = after.text() != null ? after.text() : implied;
            why.append("metric: phrase after value");
            return new MetricAndChange(metric, change);
        }
        // "reduces memory requirements by 73%", "improves accuracy by 3.2 points": verb, phrase, "by".
        int p = first - 1;
        if (p >= 0 && (s.word(p).equalsIgnoreCase("by") || s.word(p).equalsIgnoreCase("to"))) {
            int j = p - 1;
            while (j >= 0 && (s.isNoun(j) || s.isAdj(j) || s.word(j).equals("-")) && !s.isBoundary(j)
                    && lex.cue(s.word(j)) == null && p - j < 6) {
                j--;
            }
            if (j >= 0 && lex.cue(s.word(j)) != null) {
                SlotLexicon.ChangeCue c = lex.cue(s.word(j));
                Phrase np = stripCues(s, j + 1, p - 1);
                why.append("metric: verb-phrase-by-value");
                return new MetricAndChange(np.text() != null ? np.text() : c.impliedMetric(), c.change());
            }
        }
        // "top-1 accuracy of 79.2%", "a speedup of 2.4x": phrase, "of", value.
        if (p >= 0 && s.word(p).equalsIgnoreCase("of")) {
            int j = p - 1;
            while (j >= 0 && (s.isNoun(j) || s.isAdj(j) || s.word(j).equals("-")) && p - j < 6) j--;
            Phrase np = stripCues(s, j + 1, p - 1);
            if (np.text() != null || np.implied() != null) {
                why.append("metric: phrase-of-value");
                return new MetricAndChange(np.text() != null ? np.text() : np.implied(), np.change());
            }
        }
        // No phrase names the metric; a change word near the value still says which way it went.
        for (int k = Math.max(0, first - 5); k < Math.min(s.size(), last + 4); k++) {
            if (k >= first && k <= last) continue;
            SlotLexicon.ChangeCue c = lex.cue(s.word(k));
            if (c != null) {
                why.append("change: cue word '").append(s.word(k)).append("' near value");
                return new MetricAndChange(c.impliedMetric(), c.change());
            }
        }
        return new MetricAndChange(null, null);
    }

    private record Phrase(String text, Change change, String implied) {}

    /** Takes change words off the ends of a phrase and keeps what they said. */
    private Phrase stripCues(SentenceView s, int from, int to) {
        Change change = null;
        String implied = null;
        while (from <= to && lex.cue(s.word(from)) != null) {
            SlotLexicon.ChangeCue c = lex.cue(s.word(from++));
            change = c.change();
            implied = c.impliedMetric();
        }
        while (to >= from && lex.cue(s.word(to)) != null) {
            SlotLexicon.ChangeCue c = lex.cue(s.word(to--));
            change = c.change();
            if (c.impliedMetric() != null) implied = c.impliedMetric();
        }
        while (from <= to && Set.of("a", "an", "the").contains(s.word(from).toLowerCase(Locale.ROOT))) from++;
        return new Phrase(from <= to ? s.span(from, to) : null, change, implied);
    }

    private String method(PaperContext ctx, SentenceView s, int valueToken, String previous, StringBuilder why) {
        for (int i = valueToken - 1; i > 0; i--) {
            if (s.isBoundary(i)) break;
            if (lex.systemVerb.matcher(s.word(i).toLowerCase(Locale.ROOT)).matches()) {
                int end = i - 1;
                int start = end;
                while (start > 0 && isNamePart(s, start - 1)) start--;
                if (end >= 0 && isNamePart(s, end)) {
                    String name = s.span(start, end);
                    String lower = name.toLowerCase(Locale.ROOT);
                    if (!PRONOUNS.contains(lower) && !lex.notNames.contains(lower)) {
                        why.append("method: subject of '").append(s.word(i)).append("'; ");
                        return name;
                    }
                }
                break;
            }
        }
        if (previous != null) {
            why.append("method: as the value before it in the sentence; ");
            return previous;
        }
        if (ctx.systemName() != null) why.append("method: paper's system (").append(ctx.systemRule()).append("); ");
        return ctx.systemName();
    }

    private boolean isNamePart(SentenceView s, int i) {
        String w = s.word(i);
        return (s.tag(i).startsWith("NNP") || w.matches(".*[A-Z].*[A-Z0-9].*|.*\\d.*[A-Za-z].*"))
                && !lex.notNames.contains(w.toLowerCase(Locale.ROOT));
    }

    private String baseline(SentenceView s, ValueMention m, StringBuilder why) {
        Matcher c = lex.comparison.matcher(s.text);
        String best = null;
        int bestDist = Integer.MAX_VALUE;
        while (c.find()) {
            int at = s.base + c.end();
            if (at > m.start() && at < m.end()) continue;
            if (s.base + c.start() >= m.start() && s.base + c.start() < m.end()) continue;
            int t = s.tokenAt(at);
            int u = t;
            while (u < s.size() && u - t < 9 && !s.isBoundary(u) && !isBaselineStop(s, u)) u++;
            if (u == t || Character.isDigit(s.word(t).charAt(0))) continue;
            int dist = Math.abs(at - m.start());
            if (dist < bestDist) {
                bestDist = dist;
                best = s.span(t, u - 1);
            }
        }
        if (best != null) why.append("; baseline: after comparison cue");
        return best;
    }

    private boolean isBaselineStop(SentenceView s, int i) {
        String w = s.word(i).toLowerCase(Locale.ROOT);
        if (w.equals("and")) return i + 1 >= s.size() || !Character.isUpperCase(s.word(i + 1).charAt(0));
        return Set.of("on", "in", "across", "with", "by", "at", "while", "when", "under", "for", "using", "through",
                "respectively", "achieving", "and", "without").contains(w) || Character.isDigit(w.charAt(0));
    }

    private String dataset(SentenceView s, int last, int first, StringBuilder why) {
        String after = datasetFrom(s, last + 1, s.size());
        if (after != null) {
            why.append("; dataset: name after preposition");
            return after;
        }
        return null;
    }

    private String datasetFrom(SentenceView s, int from, int to) {
        for (int i = from; i + 1 < to; i++) {
            if (s.isBoundary(i) && !s.word(i).equals("(")) return null;
            if (!lex.datasetPreposition.matcher(s.word(i)).matches()) continue;
            int j = i + 1;
            if (j < to && s.word(j).equalsIgnoreCase("the")) j++;
            int start = j;
            while (j < to && isDatasetPart(s, j)) j++;
            if (j > start) return s.span(start, j - 1);
        }
        return null;
    }

    private boolean isDatasetPart(SentenceView s, int i) {
        String w = s.word(i);
        if (lex.notNames.contains(w.toLowerCase(Locale.ROOT))) return false;
        return w.matches("[A-Z][\\w.@-]*|[a-z]+[A-Z0-9][\\w.-]*|\\d+[A-Za-z][\\w-]*");
    }

    private static MetricClass classOfUnit(Unit u) {
        return switch (u) {
            case X, MS, S, MIN, TOKENS_PER_S -> MetricClass.SPEED;
            case KB, MB, GB, TB -> MetricClass.MEMORY;
            case PARAMS, TOKENS -> MetricClass.SIZE;
            case DOLLARS, J, W, FLOPS, H, GPUS -> MetricClass.COST;
            case BITS -> MetricClass.PRECISION;
            case SAMPLES -> MetricClass.DATA;
            case PERCENT, PP, POINTS, NONE -> MetricClass.QUALITY;
            case FRACTION -> MetricClass.OTHER;
        };
    }
}
