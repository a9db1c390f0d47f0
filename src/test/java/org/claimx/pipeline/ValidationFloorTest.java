package org.claimx.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.claimx.eval.ScoreReport;
import org.claimx.eval.Scorer;
import org.claimx.eval.Split;
import org.claimx.io.Json;
import org.claimx.slots.SlotModel;
import org.claimx.slots.Trainer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The scores that count are on the validation split of the blind gold (testdata/gold/train.*, one
 * paper in five by {@link Split}), which no model is trained on and no rule is written from. They
 * must not drop below testdata/gold/floor.json: raise the floor as they rise, never lower it.
 * The committed model must be what {@code claimx train} builds from the committed gold and rules.
 */
class ValidationFloorTest {
    private static GoldInstances gold;
    /** Papers that teach the slots and the change only (random.* and extra.*: README's train command, --slots-gold). */
    private static java.util.Set<String> slotsOnly;
    /** Papers that teach the method, metric and baseline only (random2.* and random3.*: README's train command, --partial-gold). */
    private static java.util.Set<String> rankersOnly;
    static final java.util.Set<String> RANKERS = java.util.Set.of("method", "metric", "baseline");
    /** Papers that teach the method only (random4.*: README's train command, --partial-gold method). */
    private static java.util.Set<String> methodOnly;

    @BeforeAll
    static void readGold() throws Exception {
        gold = GoldInstances.read(List.of(
                new Path[] {Path.of("testdata/gold/train.papers.jsonl"), Path.of("testdata/gold/train.claims.jsonl")},
                new Path[] {Path.of("testdata/gold/dev.papers.jsonl"), Path.of("testdata/gold/dev.claims.jsonl")},
                new Path[] {Path.of("testdata/gold/random.papers.jsonl"), Path.of("testdata/gold/random.claims.jsonl")},
                new Path[] {Path.of("testdata/gold/extra.papers.jsonl"), Path.of("testdata/gold/extra.claims.jsonl")},
                new Path[] {Path.of("testdata/gold/random2.papers.jsonl"), Path.of("testdata/gold/random2.claims.jsonl")},
                new Path[] {Path.of("testdata/gold/random3.papers.jsonl"), Path.of("testdata/gold/random3.claims.jsonl")},
                new Path[] {Path.of("testdata/gold/random4.papers.jsonl"), Path.of("testdata/gold/random4.claims.jsonl")}));
        gold.readWith(SharedEngine.get(), 2, false);
        slotsOnly = new java.util.HashSet<>(org.claimx.eval.ClaimsFile.readPapers(Path.of("testdata/gold/random.papers.jsonl")).keySet());
        slotsOnly.addAll(org.claimx.eval.ClaimsFile.readPapers(Path.of("testdata/gold/extra.papers.jsonl")).keySet());
        rankersOnly = new java.util.HashSet<>(org.claimx.eval.ClaimsFile.readPapers(Path.of("testdata/gold/random2.papers.jsonl")).keySet());
        rankersOnly.addAll(org.claimx.eval.ClaimsFile.readPapers(Path.of("testdata/gold/random3.papers.jsonl")).keySet());
        methodOnly = org.claimx.eval.ClaimsFile.readPapers(Path.of("testdata/gold/random4.papers.jsonl")).keySet();
    }

    @Test
    void validationScoresStayAtOrAboveTheCommittedFloor() throws Exception {
        var trainGold = GoldInstances.read(List.<Path[]>of(
                new Path[] {Path.of("testdata/gold/train.papers.jsonl"), Path.of("testdata/gold/train.claims.jsonl")}));
        ScoreReport r = Scorer.score(trainGold.papers(Split::isValidation), trainGold.gold(Split::isValidation),
                gold.predict(SharedEngine.get(), Split::isValidation));
        System.out.print("validation split scores:\n" + r.text());
        JsonNode floor = Json.mapper().readTree(Path.of("testdata/gold/floor.json").toFile());
        List<String> below = new ArrayList<>();
        check(below, "detection F1", r.detection().f(), floor.path("detection_f1").asDouble());
        check(below, "tuple F1", r.tuple().f(), floor.path("tuple_f1").asDouble());
        for (String slot : List.of("method", "metric", "baseline", "dataset", "change", "qualifier")) {
            check(below, slot + " agreement", r.slots().get(slot), floor.path("slots").path(slot).asDouble());
        }
        assertTrue(below.isEmpty(), "below the committed floor: " + below);
    }

    /** The model can only choose what the candidate rules propose: their reach must not fall. */
    @Test
    void candidateRulesStillReachTheGoldSlots() throws Exception {
        JsonNode floor = Json.mapper().readTree(Path.of("testdata/gold/floor.json").toFile()).path("candidate_reach");
        List<String> below = new ArrayList<>();
        var reach = gold.reach(Split::isValidation);
        for (String slot : SlotModel.SLOTS) {
            assertTrue(reach.get(slot).filled() > 100, slot + " gold slots: " + reach.get(slot).filled());
            check(below, slot + " candidate reach", reach.get(slot).share(), floor.path(slot).asDouble(2));
        }
        assertTrue(below.isEmpty(), "candidate rules reach fewer gold slots than the committed floor: " + below);
    }

    @Test
    void trainingFromTheCommittedGoldRebuildsTheCommittedModel() {
        SlotModel rebuilt = Trainer.train(List.of(
                Trainer.Part.all(gold.labeled(id -> !Split.isValidation(id) && !slotsOnly.contains(id) && !rankersOnly.contains(id)
                        && !methodOnly.contains(id))),
                Trainer.Part.slots(gold.labeled(slotsOnly::contains)),
                new Trainer.Part(gold.labeled(rankersOnly::contains), RANKERS),
                new Trainer.Part(gold.labeled(methodOnly::contains), java.util.Set.of("method"))));
        Engine fresh = SharedEngine.get().withModel(rebuilt);
        List<JsonNode> committed = gold.predict(SharedEngine.get(), Split::isValidation);
        List<JsonNode> retrained = gold.predict(fresh, Split::isValidation);
        assertTrue(committed.size() > 100, "validation claims: " + committed.size());
        assertEquals(committed, retrained, "run 'claimx train' (README) after changing a rule, a feature or the gold");
    }

    @Test
    void noValidationPaperIsTrainedOn() {
        long validation = gold.papers().keySet().stream().filter(Split::isValidation).count();
        long trained = gold.labeled(id -> !Split.isValidation(id)).stream()
                .filter(l -> Split.isValidation(l.gold() == null ? "" : l.gold().path("paper").asText())).count();
        assertTrue(validation > 150, "validation papers: " + validation);
        assertEquals(0, trained);
    }

    /**
     * The extra gold (annotated for training, testdata/gold/README.md) can only add training papers:
     * none would be held out as validation, and none is a paper of the blind, dev or heldout gold.
     */
    @ParameterizedTest
    @ValueSource(strings = {"extra", "random", "random2", "random3", "random4", "random5"})
    void theGoldAnnotatedForTrainingOnlyAddsTrainingPapers(String set) throws Exception {
        var added = org.claimx.eval.ClaimsFile.readPapers(Path.of("testdata/gold/" + set + ".papers.jsonl")).keySet();
        var others = new java.util.HashSet<String>();
        for (String o : List.of("train", "dev", "heldout", "extra", "random", "random2", "random3", "random4", "random5")) {
            if (!o.equals(set)) others.addAll(org.claimx.eval.ClaimsFile.readPapers(Path.of("testdata/gold/" + o + ".papers.jsonl")).keySet());
        }
        assertTrue(added.size() > 500, set + " papers: " + added.size());
        assertEquals(List.of(), added.stream().filter(Split::isValidation).toList(), set + " papers on the validation side");
        assertEquals(List.of(), added.stream().filter(others::contains).toList(), set + " papers that are in other gold");
    }

    private static void check(List<String> below, String what, double got, double floor) {
        if (got + 1e-9 < floor) below.add(String.format("%s %.3f < %.3f", what, got, floor));
    }
}
