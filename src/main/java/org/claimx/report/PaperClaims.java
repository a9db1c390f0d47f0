package org.claimx.report;

import java.util.List;
import org.claimx.model.Claim;

/**
 * One paper's claims as the reports read them: title and abstract null when unknown (claims read
 * without their paper), {@code url} the paper's link where its id or its record gives one, else null.
 */
public record PaperClaims(String paper, String title, String abstractText, String url, List<Claim> claims) {
    public PaperClaims {
        claims = List.copyOf(claims);
    }

    /** A paper with the link its id makes, if any. */
    public PaperClaims(String paper, String title, String abstractText, List<Claim> claims) {
        this(paper, title, abstractText, PaperLinks.ofId(paper), claims);
    }
}
