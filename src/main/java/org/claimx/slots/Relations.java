package org.claimx.slots;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.claimx.model.Change;
import org.claimx.model.Unit;
import org.claimx.values.ValueMention;

/**
 * Relations between neighbouring values (patterns: {@code rules/lexicon/value-relations.tsv}) of one sentence that change what is a claim:
 * "from 71.5% to 74.7%" and "63.33% to 5.74%" (the first is the second's baseline value, not a claim of its own) and
 * "69.48 vs. 72.41" (the second is the first's baseline value).
 */
final class Relations {

    /** What the relations decided: kept mentions, and for some their baseline value and change. */
    record Outcome(List<ValueMention> kept, Map<ValueMention, Double> baselineValue, Map<ValueMention, Change> change,
                   Map<ValueMention, String> rule) {}

    static Outcome apply(SlotLexicon lex, String docText, List<ValueMention> ms) {
        Pattern fromBefore = lex.relations.get("relation.from-a-to-b/before");
        Pattern toBetween = lex.relations.get("relation.from-a-to-b/between");
        Pattern vsBetween = lex.relations.get("relation.a-versus-b/between");
        List<ValueMention> dropped = new ArrayList<>();
        Map<ValueMention, Double> bv = new HashMap<>();
        Map<ValueMention, Change> ch = new HashMap<>();
        Map<ValueMention, String> rule = new HashMap<>();
        for (int i = 0; i + 1 < ms.size(); i++) {
            ValueMention a = ms.get(i);
            ValueMention b = ms.get(i + 1);
            if (a.value().number() == null || b.value().number() == null) continue;
            String between = docText.substring(a.end(), Math.max(a.end(), b.start()));
            String before = docText.substring(Math.max(0, a.start() - 12), a.start());
            boolean sameUnit = a.value().unit() == b.value().unit();
            // "63.33% to 5.74%": figures that fall are a change from the first to the second, "from" said or not
            // (rising ones are a range, one value, and never reach here as two).
            boolean falling = sameUnit && a.value().number() > b.value().number();
            if ((fromBefore.matcher(before).find() || falling) && toBetween.matcher(between).matches()
                    && (sameUnit || a.value().unit() == Unit.NONE)) {
                dropped.add(a);
                bv.put(b, a.value().number());
                ch.put(b, Change.LEVEL);
                rule.put(b, "relation.from-a-to-b");
                if (i > 0 && !dropped.contains(ms.get(i - 1))) bv.putIfAbsent(ms.get(i - 1), a.value().number());
            } else if (vsBetween.matcher(between).matches() && (sameUnit || b.value().unit() == Unit.NONE)) {
                dropped.add(b);
                bv.put(a, b.value().number());
                rule.put(a, "relation.a-versus-b");
                i++;
            }
        }
        List<ValueMention> kept = new ArrayList<>(ms);
        kept.removeAll(dropped);
        return new Outcome(kept, bv, ch, rule);
    }
}
