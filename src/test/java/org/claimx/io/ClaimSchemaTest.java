package org.claimx.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ClaimSchemaTest {
    @Test
    void theDevGoldClaimsWithEngineFieldsFollowTheSchema() throws Exception {
        // Gold claims lack the engine-only fields; with them added they must pass.
        StringBuilder b = new StringBuilder();
        for (String line : Files.readAllLines(Path.of("testdata/gold/dev.claims.jsonl"))) {
            var node = (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().readTree(line);
            node.put("rule", "gold");
            node.put("confidence", 1.0);
            if (!node.has("span")) node.putArray("span").add(0).add(1);
            b.append(node).append('\n');
        }
        assertEquals(List.of(), ClaimSchema.problems(b.toString()));
    }

    @Test
    void theSchemaRejectsWhatTheContractDoesNotAllow() throws Exception {
        String good = "{\"paper\":\"p\",\"field\":\"abstract\",\"span\":[3,8],\"sentence\":\"s 22.4x\",\"kind\":\"result\","
                + "\"method\":null,\"metric\":\"speed\",\"metric_class\":\"speed\",\"value\":{\"text\":\"22.4x\",\"number\":22.4,"
                + "\"low\":null,\"high\":null,\"unit\":\"x\",\"qualifier\":null,\"bits\":null},\"change\":\"increase\","
                + "\"baseline\":null,\"baseline_value\":null,\"dataset\":null,\"rule\":\"r\",\"confidence\":0.8}";
        assertEquals(List.of(), ClaimSchema.problems(good));
        assertFalse(ClaimSchema.problems(good.replace("\"unit\":\"x\"", "\"unit\":\"times\"")).isEmpty(), "unknown unit");
        assertFalse(ClaimSchema.problems(good.replace("\"change\":\"increase\"", "\"change\":\"up\"")).isEmpty(), "unknown change");
        assertFalse(ClaimSchema.problems(good.replace("\"field\":\"abstract\"", "\"field\":\"body\"")).isEmpty(), "unknown field");
        assertFalse(ClaimSchema.problems(good.replace("\"confidence\":0.8", "\"confidence\":1.5")).isEmpty(), "confidence over 1");
        assertFalse(ClaimSchema.problems(good.replace(",\"dataset\":null", "")).isEmpty(), "missing field");
        assertFalse(ClaimSchema.problems(good.replace("\"low\":null", "\"low\":2")).isEmpty(), "a figure and a range at once");
    }
}
