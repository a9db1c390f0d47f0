package org.claimx.slots;

import com.fasterxml.jackson.databind.JsonNode;
import edu.stanford.nlp.classify.LinearClassifier;
import edu.stanford.nlp.ling.BasicDatum;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.claimx.eval.Scorer;
import org.claimx.model.Unit;

/**
 * Builds the model from instances labelled by gold claims: an instance that the scorer's matching
 * pairs with a gold claim is a claim, with that claim's change, and a candidate is a slot's filler
 * when it agrees with the gold slot as the scorer says strings agree (the empty candidate when the
 * gold slot is null). A slot whose gold no candidate reaches teaches nothing.
 */
public final class Trainer {
    /** An instance and the gold claim it was matched to, or null. */
    public record Labeled(Instance instance, JsonNode gold) {}

    public static final double SIGMA = 0.3;
    public static final double RANK_SIGMA = 1.0;

    private Trainer() {}

    public static SlotModel train(List<Labeled> data) {
        Map<String, List<BasicDatum<String, String>>> sets = new LinkedHashMap<>();
        Map<String, List<Ranker.Group>> groups = new LinkedHashMap<>();
        for (String k : SlotModel.SLOTS) groups.put(k, new ArrayList<>());
        for (String k : List.of("claim", "change")) sets.put(k, new ArrayList<>());
        for (Labeled l : data) {
            Instance in = l.instance();
            sets.get("claim").add(new BasicDatum<>(in.claimFeatures(), l.gold() != null ? SlotModel.YES : SlotModel.NO));
            if (l.gold() == null) continue;
            boolean precision = in.mention().value().unit() == Unit.BITS;
            if (!precision) sets.get("change").add(new BasicDatum<>(in.changeFeatures(), l.gold().path("change").asText()));
            for (String slot : SlotModel.SLOTS) {
                if (precision && !slot.equals("method")) continue;
                JsonNode g = l.gold().get(slot);
                String gold = g == null || g.isNull() ? null : g.asText();
                List<Boolean> yes = new ArrayList<>();
                for (Candidate c : in.candidates()) {
                    yes.add(gold == null ? c.isNone() : !c.isNone() && Scorer.sameSlot(c.text(), gold));
                }
                if (!yes.contains(true)) continue;
                groups.get(slot).add(new Ranker.Group(in.candidateFeatures(), yes));
            }
        }
        Map<String, LinearClassifier<String, String>> cls = new LinkedHashMap<>();
        sets.forEach((k, v) -> cls.put(k, SlotModel.train(v, SIGMA)));
        Map<String, Ranker> rankers = new LinkedHashMap<>();
        groups.forEach((k, v) -> rankers.put(k, Ranker.train(v, RANK_SIGMA)));
        return new SlotModel(cls, rankers);
    }
}
