package org.claimx.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.claimx.model.Paper;
import org.claimx.nlp.RuleBook;
import org.claimx.slots.Candidate;
import org.claimx.slots.CandidateRules;
import org.claimx.slots.Instance;
import org.claimx.values.ValueLexicon;
import org.junit.jupiter.api.Test;

/**
 * Rules and corpus lines answer for each other (STYLE.md 4): every value rule and every slot
 * candidate rule fires on some corpus line, and every rule a corpus line names exists.
 */
class RuleCoverageTest {
    private static Set<String> valueRules() throws Exception {
        Set<String> out = new TreeSet<>(RuleBook.load(Path.of("rules/values"),
                ValueLexicon.load(Path.of("rules/lexicon")).macros()).ruleNames());
        out.removeIf(r -> r.startsWith("block."));
        return out;
    }

    private static Set<String> candidateRules() {
        Set<String> out = new TreeSet<>();
        for (var r : CandidateRules.load(Path.of("rules/slots"), Path.of("rules/lexicon")).rules()) out.add(r.name());
        return out;
    }

    @Test
    void everyRuleFiresOnSomeCorpusLine() throws Exception {
        Set<String> fired = new TreeSet<>();
        // Pending lines count: a rule fires on them even where the model does not yet choose their slots.
        for (CorpusTest.Case c : CorpusTest.cases(f -> true)) {
            JsonNode n = c.node();
            Paper p = new Paper("corpus", n.path("title").asText(""), n.path("text").asText(""));
            for (Instance in : SharedEngine.get().read(p).instances()) {
                fired.add(in.mention().rule());
                for (Candidate cand : in.candidates()) {
                    for (String r : cand.rules()) fired.add(r.endsWith(".tail") ? r.substring(0, r.length() - 5) : r);
                }
            }
        }
        List<String> idle = new ArrayList<>();
        for (String r : valueRules()) if (!fired.contains(r)) idle.add(r);
        for (String r : candidateRules()) if (!fired.contains(r)) idle.add(r);
        assertTrue(idle.isEmpty(), "rules that no corpus line exercises (write a line for each): " + idle);
    }

    @Test
    void everyRuleACorpusLineNamesExists() throws Exception {
        Set<String> known = new TreeSet<>(valueRules());
        known.addAll(candidateRules());
        List<String> unknown = new ArrayList<>();
        for (CorpusTest.Case c : CorpusTest.cases(f -> true)) {
            for (JsonNode e : c.node().path("expect")) {
                if (!e.has("rule")) continue;
                for (String r : e.get("rule").asText().split("\\+")) {
                    if (!known.contains(r) && !r.startsWith("relation.")) unknown.add(c.name() + ": " + r);
                }
            }
            for (JsonNode r : c.node().path("rules")) if (!known.contains(r.asText())) unknown.add(c.name() + ": " + r.asText());
        }
        assertTrue(unknown.isEmpty(), "corpus lines name rules that do not exist: " + unknown);
    }
}
