package org.claimx.pipeline;

import java.util.List;
import org.claimx.model.Claim;
import org.claimx.model.Field;

/**
 * What the engine saw and decided for one paper: the system name it took the paper to be about,
 * each sentence that holds a value (tokens with part-of-speech tags, value rules that fired), and
 * each claim with the rule behind each of its slots, and each value the model took for no claim.
 */
public record Explanation(String systemName, String systemRule, List<Sentence> sentences, List<Explained> claims,
                          List<Rejected> rejected) {
    public record Sentence(Field field, String text, List<String> taggedTokens, List<String> valueRules) {}

    public record Explained(Claim claim, List<String> why) {}

    /** A value the claim classifier turned down: where it stands, its probability of being a claim, and why. */
    public record Rejected(Field field, String sentence, String text, String rule, double pClaim, List<String> why) {}
}
