package org.claimx.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.claimx.eval.Validator;
import org.claimx.io.InputRecord;
import org.claimx.io.Json;
import org.claimx.io.PaperInput;
import org.claimx.io.PaperRecord;
import org.claimx.model.Claim;
import org.claimx.model.Paper;
import org.junit.jupiter.api.Test;

/**
 * Over every dev paper and every listing page: each claim's span holds exactly its value text in the
 * field as the user gave it, and every field has an allowed value (the reference validator's checks).
 */
class ContractTest {
    @Test
    void everyClaimOfTheDevCorpusAndPagesFollowsTheContract() throws Exception {
        List<String> inputs = new ArrayList<>(List.of("testdata/inputs/dev.papers.jsonl"));
        try (var pages = Files.list(Path.of("testdata/inputs/pages"))) {
            pages.sorted().forEach(p -> inputs.add(p.toString()));
        }
        Map<String, JsonNode> papers = new HashMap<>();
        List<JsonNode> claims = new ArrayList<>();
        int paperCount = 0;
        try (PaperInput in = PaperInput.open(inputs, null)) {
            while (in.hasNext()) {
                InputRecord r = in.next();
                if (!(r instanceof PaperRecord pr)) continue;
                Paper p = pr.paper();
                paperCount++;
                papers.put(p.id(), Json.mapper().createObjectNode().put("id", p.id()).put("title", p.title()).put("abstract", p.abstractText()));
                for (Claim c : SharedEngine.get().extract(p)) {
                    assertEquals(c.value().text(), c.span().of(p.text(c.field())), "span text of " + c);
                    assertEquals(p.id(), c.paper());
                    assertTrue(c.confidence() >= 0 && c.confidence() <= 1);
                    assertTrue(c.rule() != null && !c.rule().isBlank());
                    claims.add(Json.mapper().valueToTree(c));
                }
            }
        }
        assertTrue(paperCount >= 266, "papers read: " + paperCount);
        assertTrue(claims.size() > 200, "claims: " + claims.size());
        List<String> problems = Validator.validate(papers, claims);
        assertEquals(List.of(), problems);
    }
}
