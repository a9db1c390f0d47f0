package org.claimx.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.TaggedWord;
import edu.stanford.nlp.tagger.maxent.LocalOnceTestSentence;
import edu.stanford.nlp.tagger.maxent.MaxentTagger;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link Nlp#tag} gives exactly the tags of CoreNLP's own tagger, which recomputes what it drops. */
class TaggingTest {
    @Test
    void theTagsAreCoreNlpsOnEveryGoldSentence() throws Exception {
        Nlp nlp = new Nlp();
        MaxentTagger tagger = Nlp.sharedTagger();
        assertTrue(LocalOnceTestSentence.applies(tagger), "the English model scores exactly, so the faster path is the one taken");
        int sentences = 0;
        int tokens = 0;
        for (String text : GoldTexts.read()) {
            List<CoreMap> split = nlp.split(text);
            nlp.tag(split);
            for (CoreMap s : split) {
                List<CoreLabel> words = s.get(CoreAnnotations.TokensAnnotation.class);
                List<String> ours = new ArrayList<>();
                for (CoreLabel w : words) ours.add(w.tag());
                List<String> theirs = new ArrayList<>();
                for (TaggedWord w : tagger.tagSentence(words, false)) theirs.add(w.tag());
                assertEquals(theirs, ours, s.get(CoreAnnotations.TextAnnotation.class));
                sentences++;
                tokens += words.size();
            }
        }
        assertTrue(sentences > 1000 && tokens > 20_000, sentences + " sentences, " + tokens + " tokens");
    }
}
