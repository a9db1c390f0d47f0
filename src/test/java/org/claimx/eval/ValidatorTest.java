package org.claimx.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.claimx.io.Json;
import org.junit.jupiter.api.Test;

/** The messages are claimscore.py's, word for word. */
class ValidatorTest {
    private static final Map<String, JsonNode> PAPERS = Map.of("p", json(
            "{\"id\": \"p\", \"title\": \"T\", \"abstract\": \"\uD835\uDC12 runs 2x faster at 4-bit.\"}"));

    private static JsonNode json(String s) {
        try {
            return Json.mapper().readTree(s);
        } catch (IOException e) {
            throw new IllegalArgumentException(s, e);
        }
    }

    private static JsonNode claim(String overrides) {
        String base = "{\"paper\": \"p\", \"field\": \"abstract\", \"kind\": \"result\", \"metric_class\": \"speed\","
                + " \"change\": \"increase\", \"method\": null, \"value\": {\"text\": \"2x\", \"number\": 2, \"unit\": \"x\"}";
        return json(base + (overrides.isEmpty() ? "" : ", " + overrides) + "}");
    }

    private static List<String> problems(String overrides) {
        return Validator.validate(PAPERS, List.of(claim(overrides)));
    }

    @Test
    void aGoodClaimHasNoProblems() {
        assertEquals(List.of(), problems(""));
        assertEquals(List.of(), problems("\"span\": [7, 9]"));
    }

    @Test
    void spansCountCodePoints() {
        // in UTF-16 units the value would stand at 8, but python (and the contract) count characters
        assertEquals(List.of("claim 1 (p): span [8, 10] does not hold value.text '2x'"), problems("\"span\": [8, 10]"));
    }

    @Test
    void spansSliceAsPythonDoes() {
        assertEquals(List.of(), problems("\"span\": [-19, -17]"));
        assertEquals(List.of("claim 1 (p): span [7] does not hold value.text '2x'"), problems("\"span\": [7]"));
    }

    @Test
    void anUnknownPaperIsTheOnlyProblemReported() {
        assertEquals(List.of("claim 1 (q): unknown paper"), problems("\"paper\": \"q\", \"kind\": \"x\""));
        assertEquals(List.of("claim 1 (None): unknown paper"), problems("\"paper\": null"));
    }

    @Test
    void valueProblemsQuoteTheValueAsPythonRepr() {
        assertEquals(List.of("claim 1 (p): value.text \"it's\" is not in the abstract",
                        "claim 1 (p): unit '%%' not canonical", "claim 1 (p): qualifier 'roughly'"),
                problems("\"value\": {\"text\": \"it's\", \"number\": 1, \"unit\": \"%%\", \"qualifier\": \"roughly\"}"));
        assertEquals(List.of("claim 1 (p): needs number, or low and high, or bits"),
                problems("\"value\": {\"text\": \"4-bit\", \"low\": 4, \"unit\": \"bits\", \"bits\": {}}"));
    }

    @Test
    void closedFieldsAndSlotTypes() {
        assertEquals(List.of("claim 1 (p): field must be title or abstract",
                        "claim 1 (p): value.text '2x' is not in the body"),
                problems("\"field\": \"body\""));
        assertEquals(List.of("claim 1 (p): change 'up'", "claim 1 (p): kind None", "claim 1 (p): metric_class 1.5"),
                problems("\"change\": \"up\", \"kind\": null, \"metric_class\": 1.5"));
        assertEquals(List.of("claim 1 (p): method must be a string or null"), problems("\"method\": [\"x\"]"));
    }
}
