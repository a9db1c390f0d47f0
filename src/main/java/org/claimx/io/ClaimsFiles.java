package org.claimx.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;

/** Tells claimx's own output (claims, or papers grouped with their claims) from papers, by its first record. */
final class ClaimsFiles {
    private ClaimsFiles() {}

    /** Whether the first non-blank line of {@code head} is a claim or a grouped-paper record, not a paper. */
    static boolean looksLikeClaims(Head head) {
        String first = head.lines().stream().filter(l -> !l.isEmpty()).findFirst().orElse("");
        if (!first.startsWith("{") || !first.endsWith("}")) return false;
        JsonNode n;
        try {
            n = Json.mapper().readTree(first);
        } catch (IOException e) {
            return false;
        }
        if (n == null || !n.isObject() || n.has("abstract") || n.has("id")) return false;
        boolean claim = n.has("paper") && n.has("span") && n.has("value") && n.has("rule");
        boolean grouped = n.has("paper") && n.path("claims").isArray();
        return claim || grouped;
    }
}
