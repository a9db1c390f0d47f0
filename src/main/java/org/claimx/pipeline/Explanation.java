package org.claimx.pipeline;

import java.util.List;
import org.claimx.model.Claim;
import org.claimx.model.Field;

/**
 * What the engine saw and decided for one paper: the system name it took the paper to be about,
 * each sentence that holds a value (tokens with part-of-speech tags, value rules that fired), and
 * each claim with the rule behind each of its slots.
 */
public record Explanation(String systemName, String systemRule, List<Sentence> sentences, List<Explained> claims) {
    public record Sentence(Field field, String text, List<String> taggedTokens, List<String> valueRules) {}

    public record Explained(Claim claim, List<String> why) {}
}
