package org.claimx.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.claimx.eval.ClaimsFile;
import org.claimx.eval.ScoreReport;
import org.claimx.eval.Scorer;
import org.claimx.io.Json;
import org.junit.jupiter.api.Test;

/**
 * The dev-gold scores must not drop below the floor committed in testdata/gold/floor.json. Raise the
 * floor when the scores rise; never lower it to make a change pass.
 */
class DevGoldFloorTest {
    @Test
    void devScoresStayAtOrAboveTheCommittedFloor() throws Exception {
        Map<String, JsonNode> papers = ClaimsFile.readPapers(Path.of("testdata/gold/dev.papers.jsonl"));
        List<JsonNode> gold = ClaimsFile.readClaims(Path.of("testdata/gold/dev.claims.jsonl"));
        List<JsonNode> pred = new ArrayList<>();
        for (JsonNode p : papers.values()) {
            var paper = new org.claimx.model.Paper(p.path("id").asText(), p.path("title").asText(), p.path("abstract").asText());
            for (var c : SharedEngine.get().extract(paper)) pred.add(Json.mapper().valueToTree(c));
        }
        ScoreReport r = Scorer.score(papers, gold, pred);
        System.out.print("dev gold scores:\n" + r.text());
        JsonNode floor = Json.mapper().readTree(Path.of("testdata/gold/floor.json").toFile());
        List<String> below = new ArrayList<>();
        check(below, "detection F1", r.detection().f(), floor.path("detection_f1").asDouble());
        check(below, "tuple F1", r.tuple().f(), floor.path("tuple_f1").asDouble());
        for (String slot : List.of("method", "metric", "baseline", "dataset", "change", "qualifier")) {
            check(below, slot + " agreement", r.slots().get(slot), floor.path("slots").path(slot).asDouble());
        }
        assertTrue(below.isEmpty(), "below the committed floor: " + below);
    }

    private static void check(List<String> below, String what, double got, double floor) {
        if (got + 1e-9 < floor) below.add(String.format("%s %.3f < %.3f", what, got, floor));
    }
}
