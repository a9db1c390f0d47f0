package org.claimx.slots;

import edu.stanford.nlp.stats.Counter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.claimx.eval.Scorer;
import org.claimx.model.Change;
import org.claimx.model.Unit;

/**
 * The model's choice for one value: is it a claim, what is its change, and which candidate fills
 * each slot (the empty candidate is one of them). A precision is a setting whose metric is
 * "precision"; it takes a method and nothing else.
 *
 * <p>{@code confidence} is the model's probability of the whole claim: that the value is a claim,
 * times that of its change, times, for each slot, that of the chosen filler and of the candidates
 * the scorer counts as the same filler.
 */
public final class SlotChooser {
    public record Scored(Candidate candidate, double p) {}

    public record Choice(Candidate winner, double p, List<Scored> ranked) {}

    public record Decision(Instance instance, boolean claim, double pClaim, Change change, double pChange,
                           Map<String, Choice> slots, double confidence) {
        public String slot(String name) {
            Choice c = slots.get(name);
            return c == null ? null : c.winner().text();
        }
    }

    private final SlotModel model;

    public SlotChooser(SlotModel model) {
        this.model = model;
    }

    public SlotModel model() { return model; }

    public Decision decide(Instance in) {
        double pClaim = model.probability("claim", in.claimFeatures(), SlotModel.YES);
        boolean precision = in.mention().value().unit() == Unit.BITS;
        Change change = Change.LEVEL;
        double pChange = 1.0;
        if (!precision) {
            Counter<String> pc = model.probabilities("change", in.changeFeatures());
            String best = null;
            for (String label : pc.keySet()) {
                if (best == null || pc.getCount(label) > pc.getCount(best)
                        || pc.getCount(label) == pc.getCount(best) && label.compareTo(best) < 0) {
                    best = label;
                }
            }
            change = Change.of(best);
            pChange = pc.getCount(best);
        }
        Map<String, Choice> slots = new LinkedHashMap<>();
        double conf = pClaim * pChange;
        List<String> free = new ArrayList<>();
        Map<String, List<Scored>> ranked = new LinkedHashMap<>();
        for (String slot : SlotModel.SLOTS) {
            if (precision && !slot.equals("method")) continue;
            free.add(slot);
            ranked.put(slot, rank(slot, in));
        }
        Candidate[] best = joint(free, ranked);
        for (String slot : SlotModel.SLOTS) {
            if (precision && !slot.equals("method")) {
                Candidate fixed = slot.equals("metric") ? new Candidate("precision", -1, -1, java.util.Set.of("precision.setting"))
                        : Candidate.NONE;
                slots.put(slot, new Choice(fixed, 1.0, List.of(new Scored(fixed, 1.0))));
                continue;
            }
            Candidate w = best[free.indexOf(slot)];
            double p = agreeing(w, ranked.get(slot));
            slots.put(slot, new Choice(w, p, ranked.get(slot)));
            conf *= p;
        }
        return new Decision(in, pClaim >= 0.5, pClaim, change, pChange, slots, conf);
    }

    /**
     * The probability that the slot is right if {@code w} fills it: the summed probability of every
     * candidate the contract's scorer counts as the same filler ("prefill speed" and "speed"; the
     * empty candidate only as itself). The rankers are trained on that same set (every candidate that
     * agrees with the gold is a right answer), so two wordings of one filler do not split the
     * confidence between them.
     */
    static double agreeing(Candidate w, List<Scored> ranked) {
        double p = 0;
        Set<String> ww = w.isNone() ? null : WORDS.get(w.text());
        for (Scored x : ranked) {
            Candidate c = x.candidate();
            if (c == w || ww != null && !c.isNone() && Scorer.sameWords(WORDS.get(c.text()), ww)) p += x.p();
        }
        return Math.min(p, 1.0);
    }

    /** {@link Scorer#sameSlot(String, String)} of two non-null texts, with their words remembered. */
    static boolean sameFiller(String a, String b) {
        return Scorer.sameWords(WORDS.get(a), WORDS.get(b));
    }

    /** The scorer's words of each candidate text, remembered: the same phrases come back slot after slot. */
    private static final WordMemo<Set<String>> WORDS = new WordMemo<>(Scorer::wordSet);

    /** How many of each slot's best candidates the joint choice considers. */
    private static final int BEAM = 4;

    /**
     * The most probable assignment of candidates to the free slots in which no two slots take the same
     * words (a phrase is not both the method and the baseline of one value); the empty candidate
     * never clashes. Among each slot's {@link #BEAM} best candidates, by the product of probabilities.
     */
    private static Candidate[] joint(List<String> slots, Map<String, List<Scored>> ranked) {
        int n = slots.size();
        Candidate[] best = new Candidate[n];
        Candidate[] cur = new Candidate[n];
        double[] bestScore = {Double.NEGATIVE_INFINITY};
        search(0, 0.0, slots, ranked, cur, best, bestScore);
        return best;
    }

    private static void search(int i, double score, List<String> slots, Map<String, List<Scored>> ranked, Candidate[] cur,
                               Candidate[] best, double[] bestScore) {
        if (i == slots.size()) {
            if (score > bestScore[0]) {
                bestScore[0] = score;
                System.arraycopy(cur, 0, best, 0, cur.length);
            }
            return;
        }
        List<Scored> options = ranked.get(slots.get(i));
        boolean noneSeen = false;
        for (int k = 0; k < options.size() && (k < BEAM || !noneSeen); k++) {
            Scored o = options.get(k);
            if (k >= BEAM && !o.candidate().isNone()) continue;
            if (o.candidate().isNone()) noneSeen = true;
            boolean clash = false;
            for (int j = 0; j < i && !clash; j++) clash = clashes(cur[j], o.candidate());
            if (clash) continue;
            cur[i] = o.candidate();
            search(i + 1, score + Math.log(Math.max(o.p(), 1e-12)), slots, ranked, cur, best, bestScore);
        }
    }

    static boolean clashes(Candidate a, Candidate b) {
        if (a.isNone() || b.isNone()) return false;
        if (a.inSentence() && b.inSentence()) return a.from() <= b.to() && b.from() <= a.to();
        return a.text().equalsIgnoreCase(b.text());
    }

    private List<Scored> rank(String slot, Instance in) {
        double[] p = model.candidateProbabilities(slot, in.candidateFeatures());
        List<Scored> scored = new ArrayList<>(in.candidates().size());
        for (int i = 0; i < in.candidates().size(); i++) scored.add(new Scored(in.candidates().get(i), p[i]));
        // Highest first; ties go to the earlier candidate, so the choice never depends on hashing.
        List<Scored> ranked = new ArrayList<>(scored);
        ranked.sort(Comparator.comparingDouble((Scored s) -> -s.p()));
        return List.copyOf(ranked);
    }
}
