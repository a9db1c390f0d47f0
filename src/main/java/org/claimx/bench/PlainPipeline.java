package org.claimx.bench;

import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import java.util.Properties;
import org.claimx.model.Paper;

/**
 * The yardstick: a plain CoreNLP pipeline with the given annotators (by default
 * {@code tokenize,ssplit,pos,lemma,ner}) run over the whole title and abstract of each paper, as a
 * tool that annotates everything would. Built once; shared by all threads.
 */
public final class PlainPipeline {
    public static final String DEFAULT_ANNOTATORS = "tokenize,ssplit,pos,lemma,ner";

    private final StanfordCoreNLP pipeline;

    public PlainPipeline(String annotators) {
        Properties p = new Properties();
        p.setProperty("annotators", annotators);
        p.setProperty("tokenize.language", "en");
        this.pipeline = new StanfordCoreNLP(p);
    }

    /** Annotates the title and the abstract; returns the number of sentences seen. */
    public int annotate(Paper paper) {
        int sentences = 0;
        for (String text : new String[] {paper.title(), paper.abstractText()}) {
            Annotation doc = new Annotation(text);
            pipeline.annotate(doc);
            var s = doc.get(edu.stanford.nlp.ling.CoreAnnotations.SentencesAnnotation.class);
            sentences += s == null ? 0 : s.size();
        }
        return sentences;
    }
}
