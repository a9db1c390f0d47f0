package org.claimx.slots;

import java.util.List;
import org.claimx.model.Unit;
import org.claimx.values.ValueMention;

/**
 * What the words around a value add to the value itself: a qualifier said elsewhere in its clause
 * ("on average") and what a precision's width applies to ("4-bit weights").
 */
final class ValueContext {
    /** The next word, and the one after it. */
    private static final java.util.regex.Pattern NEXT_WORDS =
            java.util.regex.Pattern.compile("^[\\s-]+(\\w+)(?:([\\s-]+)(\\w+))?");

    private final SlotLexicon lex;

    ValueContext(SlotLexicon lex) {
        this.lex = lex;
    }

    /**
     * A value with no qualifier of its own takes one said around it in its clause ("22.4x ... on
     * average"): back to the previous comma, forward to the next one, or just past it when the next
     * clause opens with the qualifier (", averaged over 21 datasets").
     */
    ValueMention withContextQualifier(SentenceView s, ValueMention m) {
        if (m.value().qualifier() != null || m.value().unit() == Unit.BITS) return m;
        int at = m.start() - s.base;
        int endAt = m.end() - s.base;
        int from = Math.max(0, at - 60);
        java.util.regex.Matcher b = lex.clauseBreakInText.matcher(s.text).region(from, at);
        while (b.find()) from = b.end();
        int to = Math.min(s.text.length(), endAt + 80);
        java.util.regex.Matcher a = lex.clauseBreakInText.matcher(s.text).region(endAt, to);
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
    ValueMention withPrecisionTargets(SentenceView s, ValueMention m) {
        var v = m.value();
        if (v.bits() != null || v.number() == null) return m;
        int endAt = m.end() - s.base;
        String after = s.text.substring(endAt, Math.min(s.text.length(), endAt + 30));
        java.util.Set<String> targets = new java.util.TreeSet<>();
        // The word right after the figure, else the two words after it ("KV cache"), else the second
        // word ("4-bit integer weights").
        java.util.regex.Matcher next = NEXT_WORDS.matcher(after);
        if (next.find()) {
            List<String> tries = new java.util.ArrayList<>(List.of(next.group(1)));
            if (next.group(3) != null) tries.addAll(List.of(next.group(1) + next.group(2) + next.group(3), next.group(3)));
            for (String word : tries) {
                if (!targets.isEmpty()) break;
                for (SlotLexicon.PrecisionTarget t : lex.precisionTargets) {
                    if (t.word().matcher(word).matches()) targets.add(t.target());
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
        return new ValueMention(m.start(), m.end(), m.rule(), new org.claimx.model.Value(v.text(), v.number(), v.low(),
                v.high(), v.unit(), v.qualifier(), new org.claimx.model.Bits(w, a, kv)));
    }

}
