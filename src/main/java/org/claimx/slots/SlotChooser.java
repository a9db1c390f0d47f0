package org.claimx.slots;

import edu.stanford.nlp.stats.Counter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.claimx.model.Change;
import org.claimx.model.Unit;

/**
 * The model's choice for one value: is it a claim, what is its change, and which candidate fills
 * each slot (the empty candidate is one of them). A precision is a setting whose metric is
 * "precision"; it takes a method and nothing else.
 *
 * <p>{@code confidence} is the model's probability of the whole claim: that the value is a claim,
 * times that of its change, times that of the chosen filler of each slot.
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
        for (String slot : SlotModel.SLOTS) {
            if (precision && !slot.equals("method")) {
                Candidate fixed = slot.equals("metric") ? new Candidate("precision", -1, -1, java.util.Set.of("precision.setting"))
                        : Candidate.NONE;
                slots.put(slot, new Choice(fixed, 1.0, List.of(new Scored(fixed, 1.0))));
                continue;
            }
            Choice c = choose(slot, in);
            slots.put(slot, c);
            conf *= c.p();
        }
        return new Decision(in, pClaim >= 0.5, pClaim, change, pChange, slots, conf);
    }

    private Choice choose(String slot, Instance in) {
        List<Scored> scored = new ArrayList<>(in.candidates().size());
        for (int i = 0; i < in.candidates().size(); i++) {
            scored.add(new Scored(in.candidates().get(i),
                    model.probability(slot, in.candidateFeatures().get(i), SlotModel.YES)));
        }
        // Highest first; ties go to the earlier candidate, so the choice never depends on hashing.
        List<Scored> ranked = new ArrayList<>(scored);
        ranked.sort(Comparator.comparingDouble((Scored s) -> -s.p()));
        return new Choice(ranked.get(0).candidate(), ranked.get(0).p(), List.copyOf(ranked));
    }
}
