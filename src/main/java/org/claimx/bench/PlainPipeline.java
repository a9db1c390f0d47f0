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

    /** A file of CoreNLP's models jar that claimx.jar does not carry (its NER model). */
    static final String MODELS_JAR_PROBE = "edu/stanford/nlp/models/ner/english.all.3class.distsim.crf.ser.gz";

    private final StanfordCoreNLP pipeline;

    /**
     * Why the pipeline cannot be built here, or null if it can: claimx.jar carries only the
     * part-of-speech model, so annotators beyond {@code tokenize,ssplit,pos,lemma} need CoreNLP's models jar
     * on the class path (the build puts it in target/lib/, where target/claimx.jar finds it).
     */
    public static String missingModels(String annotators) {
        for (String a : annotators.split(",")) {
            String name = a.strip();
            if (name.isEmpty() || name.equals("tokenize") || name.equals("ssplit") || name.equals("pos") || name.equals("lemma")) continue;
            if (PlainPipeline.class.getClassLoader().getResource(MODELS_JAR_PROBE) != null) return null;
            return "the plain pipeline's " + name + " needs CoreNLP's models jar (stanford-corenlp-4.5.10-models.jar),"
                    + " which claimx.jar does not carry: put it in lib/ beside claimx.jar (mvn package leaves it in target/lib/),"
                    + " or give --no-plain, or --plain-annotators tokenize,ssplit,pos";
        }
        return null;
    }

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
