package org.claimx.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.POSTaggerAnnotator;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * The CoreNLP annotators claimx uses, built once and shared by all threads.
 *
 * <p>Splitting (tokenize, ssplit) runs on every text; the part-of-speech tagger, the costly step,
 * runs only on the sentences the caller hands to {@link #tag}: those that hold a value.
 */
public final class Nlp {
    private final StanfordCoreNLP splitter;
    private final POSTaggerAnnotator tagger;

    public Nlp() {
        Properties p = new Properties();
        p.setProperty("annotators", "tokenize,ssplit");
        p.setProperty("tokenize.language", "en");
        p.setProperty("ssplit.newlineIsSentenceBreak", "two");
        // Names like mllm-NPU and Orca-Math stay one token, so a name is one token.
        p.setProperty("tokenize.options", "splitHyphenated=false,invertible=true");
        this.splitter = new StanfordCoreNLP(p, false);
        this.tagger = new POSTaggerAnnotator("pos", new Properties());
    }

    /** Tokens and sentences of a text; offsets are into {@code text}. */
    public List<CoreMap> split(String text) {
        Annotation doc = new Annotation(text);
        splitter.annotate(doc);
        List<CoreMap> sentences = doc.get(CoreAnnotations.SentencesAnnotation.class);
        return sentences == null ? List.of() : sentences;
    }

    /** Adds part-of-speech tags to the tokens of the given sentences only. */
    public void tag(List<CoreMap> sentences) {
        if (sentences.isEmpty()) return;
        Annotation part = new Annotation("");
        List<CoreLabel> tokens = new ArrayList<>();
        for (CoreMap s : sentences) tokens.addAll(s.get(CoreAnnotations.TokensAnnotation.class));
        part.set(CoreAnnotations.SentencesAnnotation.class, sentences);
        part.set(CoreAnnotations.TokensAnnotation.class, tokens);
        tagger.annotate(part);
    }
}
