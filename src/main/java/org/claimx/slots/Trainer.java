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

    /**
     * The prior of the claim and change classifiers. 1.0 against the earlier 0.3: five-fold
     * cross-validation tuple F1 0.249 -> 0.255 (fewer spurious claims, detection F1 unchanged), 0.5
     * gave 0.250, 2.0 and 4.0 0.255.
     */
    public static final double SIGMA = 1.0;
    /**
     * The prior of the slot rankers, chosen by five-fold CV tuple F1 with the gold annotated for
     * training (testdata/gold/README.md): 0.5 gave 0.312, 0.7 0.317, 1.0 0.311, 2.0 0.308.
     */
    public static final double RANK_SIGMA = 0.7;

    /** A feature of a slot must stand in this many training groups to get a weight: rarer ones only fit noise. */
    public static final int MIN_GROUPS = 2;

    private Trainer() {}

    /** The groups with only the features that stand in at least {@code min} of them. */
    static List<Ranker.Group> common(List<Ranker.Group> groups, int min) {
        if (min <= 1) return groups;
        Map<String, Integer> seen = new java.util.HashMap<>();
        for (Ranker.Group g : groups) {
            java.util.Set<String> in = new java.util.HashSet<>();
            for (List<String> c : g.candidates()) in.addAll(c);
            for (String f : in) seen.merge(f, 1, Integer::sum);
        }
        List<Ranker.Group> out = new ArrayList<>(groups.size());
        for (Ranker.Group g : groups) {
            List<List<String>> cs = new ArrayList<>();
            for (List<String> c : g.candidates()) cs.add(c.stream().filter(f -> seen.get(f) >= min).toList());
            out.add(new Ranker.Group(cs, g.gold()));
        }
        return out;
    }

    /** What a gold set can teach: whether a figure is a claim, its change, and each slot. */
    public static final List<String> LESSONS = List.of("claim", "change", "method", "metric", "baseline", "dataset");
    /** All the lessons: what gold annotated blind teaches, whose share of claims is the world's. */
    public static final java.util.Set<String> ALL = java.util.Set.copyOf(LESSONS);
    /** All but whether a figure is a claim: what gold drawn for its figures teaches, whose share of claims is not the world's. */
    public static final java.util.Set<String> ALL_BUT_CLAIM = java.util.Set.copyOf(LESSONS.subList(1, LESSONS.size()));

    /** Labelled instances and the lessons (of {@link #LESSONS}) they teach. */
    public record Part(List<Labeled> data, java.util.Set<String> lessons) {
        public Part {
            data = List.copyOf(data);
            lessons = java.util.Set.copyOf(lessons);
            for (String l : lessons) {
                if (!LESSONS.contains(l)) throw new IllegalArgumentException("no such lesson: " + l + " (one of " + LESSONS + ")");
            }
        }

        public static Part all(List<Labeled> data) { return new Part(data, ALL); }

        public static Part slots(List<Labeled> data) { return new Part(data, ALL_BUT_CLAIM); }
    }

    /** The model that the parts teach, each only its own lessons, in the order given. */
    public static SlotModel train(List<Part> parts) {
        Map<String, List<BasicDatum<String, String>>> sets = new LinkedHashMap<>();
        Map<String, List<Ranker.Group>> groups = new LinkedHashMap<>();
        for (String k : SlotModel.SLOTS) groups.put(k, new ArrayList<>());
        for (String k : List.of("claim", "change")) sets.put(k, new ArrayList<>());
        for (Part p : parts) for (Labeled l : p.data()) learn(l, p.lessons(), sets, groups);
        Map<String, LinearClassifier<String, String>> cls = new LinkedHashMap<>();
        sets.forEach((k, v) -> cls.put(k, SlotModel.train(v, SIGMA)));
        Map<String, Ranker> rankers = new LinkedHashMap<>();
        groups.forEach((k, v) -> rankers.put(k, Ranker.train(common(v, MIN_GROUPS), RANK_SIGMA)));
        return new SlotModel(cls, rankers);
    }

    /** Adds what one labelled instance teaches of {@code lessons}: whether it is a claim, its change, and its slots. */
    private static void learn(Labeled l, java.util.Set<String> lessons, Map<String, List<BasicDatum<String, String>>> sets,
                              Map<String, List<Ranker.Group>> groups) {
        Instance in = l.instance();
        if (lessons.contains("claim")) sets.get("claim").add(new BasicDatum<>(in.claimFeatures(), l.gold() != null ? SlotModel.YES : SlotModel.NO));
        if (l.gold() == null) return;
        boolean precision = in.mention().value().unit() == Unit.BITS;
        if (!precision && lessons.contains("change")) sets.get("change").add(new BasicDatum<>(in.changeFeatures(), l.gold().path("change").asText()));
        for (String slot : SlotModel.SLOTS) {
            if (precision && !slot.equals("method") || !lessons.contains(slot)) continue;
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
}
