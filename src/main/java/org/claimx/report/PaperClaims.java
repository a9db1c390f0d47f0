package org.claimx.report;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/** One paper's claims as the reports read them: claim objects in the CLI's JSON format; title null when unknown. */
public record PaperClaims(String paper, String title, String abstractText, List<JsonNode> claims) {
    public PaperClaims {
        claims = List.copyOf(claims);
    }
}
