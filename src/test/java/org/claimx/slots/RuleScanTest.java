package org.claimx.slots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.tokensregex.MultiPatternMatcher;
import edu.stanford.nlp.ling.tokensregex.SequenceMatchResult;
import edu.stanford.nlp.ling.tokensregex.TokenSequencePattern;
import edu.stanford.nlp.util.CoreMap;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.claimx.nlp.Nlp;
import org.junit.jupiter.api.Test;

/**
 * A rule run by {@link RuleScan} gives exactly the matches (and {@code $cand} groups) that TokensRegex's
 * multi-pattern matcher over all the rules gives it, as claimx ran them before: on every candidate
 * rule, over the gold papers' tagged sentences and over generated sentences dense in cue words,
 * names, values and punctuation.
 */
class RuleScanTest {
    private static final CandidateRules RULES = CandidateRules.load(Path.of("rules/slots"), Path.of("rules/lexicon"));
    private static final List<RuleScan> SCANS = RULES.rules().stream().map(r -> RuleScan.of(r.pattern())).toList();

    private static final MultiPatternMatcher<CoreMap> MULTI = TokenSequencePattern.getMultiPatternMatcher(
            RULES.rules().stream().map(CandidateRules.Rule::pattern).toList());

    /** Each rule's matches by the multi-pattern matcher, in the order of the rules. */
    private static List<List<Integer>> multi(List<CoreLabel> tokens) {
        List<List<Integer>> out = new ArrayList<>();
        for (int k = 0; k < RULES.rules().size(); k++) out.add(new ArrayList<>());
        for (SequenceMatchResult<CoreMap> m : MULTI.findAllNonOverlappingMatchesPerPattern(tokens)) {
            for (int k = 0; k < RULES.rules().size(); k++) if (m.pattern() == RULES.rules().get(k).pattern()) add(out.get(k), m);
        }
        return out;
    }

    private static List<Integer> scanned(RuleScan scan, List<CoreLabel> tokens) {
        List<Integer> out = new ArrayList<>();
        for (SequenceMatchResult<CoreMap> m : scan.matches(tokens)) add(out, m);
        return out;
    }

    private static void add(List<Integer> out, SequenceMatchResult<CoreMap> m) {
        out.add(m.start());
        out.add(m.end());
        out.add(m.start("$cand"));
        out.add(m.end("$cand"));
    }

    /** Checks every rule on the tokens; returns how many matches the rules found. */
    private static int assertSameEverywhere(List<CoreLabel> tokens) {
        for (CoreLabel t : tokens) t.setLemma(RULES.shape(t.word()));
        int matches = 0;
        List<List<Integer>> all = multi(tokens);
        for (int k = 0; k < SCANS.size(); k++) {
            CandidateRules.Rule rule = RULES.rules().get(k);
            List<Integer> expected = all.get(k);
            assertEquals(expected, scanned(SCANS.get(k), tokens), rule.name() + " on «" + words(tokens) + "»");
            matches += expected.size() / 4;
        }
        return matches;
    }

    private static String words(List<CoreLabel> tokens) {
        StringBuilder b = new StringBuilder();
        for (CoreLabel t : tokens) b.append(t.word()).append('/').append(t.tag()).append('/').append(t.ner()).append(' ');
        return b.toString().strip();
    }

    @Test
    void mostRulesAreAnchoredAndThoseEndingInAVerbRequireIt() {
        long anchored = SCANS.stream().filter(RuleScan::anchored).count();
        assertTrue(anchored >= SCANS.size() - 2, anchored + " of " + SCANS.size() + " rules anchored");
        for (int k = 0; k < SCANS.size(); k++) {
            String name = RULES.rules().get(k).name();
            if (name.equals("subject.before-verb") || name.startsWith("compare.") || name.equals("self.subject")) {
                assertTrue(SCANS.get(k).requiredTests() > 0, name + " has tests every match passes");
            }
        }
    }

    @Test
    void aCoordinationIsTriedOnlyWhereTheSentenceHasAComma() {
        // The multi-pattern matcher's trigger for np.coordinated is its (optional) comma.
        List<CoreLabel> without = tokens("GPU/NNP and/CC CPU/NNP memory/NN");
        List<CoreLabel> with = tokens("GPU/NNP ,/, TPU/NNP and/CC CPU/NNP memory/NN");
        int k = RULES.rules().stream().map(CandidateRules.Rule::name).toList().indexOf("np.coordinated");
        assertSameEverywhere(without);
        assertSameEverywhere(with);
        assertEquals(List.of(), scanned(SCANS.get(k), without));
        assertEquals(List.of(0, 6, 0, 6), scanned(SCANS.get(k), with));
        assertEquals(List.of(0, 4, 0, 4), plainMatches(RULES.rules().get(k), without), "the pattern itself matches");
    }

    private static List<Integer> plainMatches(CandidateRules.Rule rule, List<CoreLabel> tokens) {
        List<Integer> out = new ArrayList<>();
        for (SequenceMatchResult<CoreMap> m : rule.pattern().getMatcher(tokens).findAllNonOverlapping()) add(out, m);
        return out;
    }

    private static List<CoreLabel> tokens(String tagged) {
        List<CoreLabel> out = new ArrayList<>();
        for (String wt : tagged.split(" ")) {
            int slash = wt.lastIndexOf('/');
            out.add(token(wt.substring(0, slash), wt.substring(slash + 1), "O"));
        }
        for (CoreLabel t : out) t.setLemma(RULES.shape(t.word()));
        return out;
    }

    private static CoreLabel token(String word, String tag, String ner) {
        CoreLabel l = new CoreLabel();
        l.setWord(word);
        l.setValue(word);
        l.setOriginalText(word);
        l.setTag(tag);
        l.setNER(ner);
        return l;
    }

    @Test
    void theGoldPapersGiveTheSameMatches() throws Exception {
        Nlp nlp = new Nlp();
        int sentences = 0, matches = 0;
        for (String text : org.claimx.nlp.GoldTexts.read()) {
            List<CoreMap> split = nlp.split(text);
            nlp.tag(split);
            for (CoreMap s : split) {
                List<CoreLabel> tokens = s.get(CoreAnnotations.TokensAnnotation.class);
                // Figures as values, as the value rules would mark them; and then no values at all.
                for (CoreLabel t : tokens) t.setNER(t.word().matches(".*\\d.*") ? "VALUE" : "O");
                matches += assertSameEverywhere(tokens);
                for (CoreLabel t : tokens) t.setNER("O");
                matches += assertSameEverywhere(tokens);
                sentences++;
            }
        }
        assertTrue(sentences > 1000, "sentences read: " + sentences);
        assertTrue(matches > 10 * sentences, "matches: " + matches);
    }

    @Property(tries = 1000)
    void generatedSentencesGiveTheSameMatches(@ForAll("sentences") List<CoreLabel> tokens) {
        assertSameEverywhere(tokens);
    }

    @Provide
    Arbitrary<List<CoreLabel>> sentences() {
        Arbitrary<String> words = Arbitraries.of("we", "our", "model", "models", "method", "it", "achieves", "outperforms",
                "reduces", "speedup", "faster", "higher", "lower", "than", "compared", "to", "with", "versus", "vs.", "over",
                "on", "in", "across", "for", "of", "by", "at", "and", "or", "&", ",", "(", ")", "-LRB-", "-RRB-", ".", ":",
                "=", "'s", "the", "a", "its", "GPT-4o", "mllm-NPU", "LLaMA", "ImageNet", "W4A8", "accuracy", "latency",
                "prefill", "speed", "memory", "improvement", "increase", "in", "similar", "par", "comparable", "can", "also",
                "significantly", "22.4x", "86.81%", "3", "2.5", "Pro", "Gemini", "fine-tuned", "existing", "state-of-the-art");
        Arbitrary<String> tags = Arbitraries.of("NN", "NNS", "NNP", "NNPS", "JJ", "JJR", "RBR", "RB", "IN", "TO", "DT", "PRP$",
                "POS", "VBZ", "VBN", "VBG", "VBD", "MD", "CC", "CD", "FW", ",", ".", "-LRB-", "-RRB-", ":");
        Arbitrary<CoreLabel> token = Combinators.combine(words, tags, Arbitraries.of("O", "O", "O", "VALUE"))
                .as(RuleScanTest::token);
        return token.list().ofMinSize(1).ofMaxSize(30);
    }
}
