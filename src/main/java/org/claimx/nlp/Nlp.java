package org.claimx.nlp;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.ling.TaggedWord;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.DefaultPaths;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.tagger.maxent.LocalOnceTestSentence;
import edu.stanford.nlp.tagger.maxent.MaxentTagger;
import edu.stanford.nlp.util.CoreMap;
import java.util.List;
import java.util.Properties;

/**
 * The CoreNLP annotators claimx uses, built once and shared by all threads.
 *
 * <p>Splitting (tokenize, ssplit) runs on every text; the part-of-speech tagger, the costly step,
 * runs only on the sentences the caller hands to {@link #tag}: those that hold a value.
 *
 * <p>A sentence longer than {@link #MAX_SENTENCE_CHARS} characters is no prose (a table, a run of
 * figures, a dump) and holds no values for claimx (see {@code ValueFinder}). So that such text costs
 * little, {@link #split} blanks, before tokenizing, every run of more than that many characters in
 * which no sentence can end (no {@code . ? !}, no line break, nothing from U+2000 on): whatever
 * sentence holds the run is too long anyway, and offsets are kept. The tokenizer takes seconds on a
 * million one-character tokens, and some runs (of backslashes, of tildes, of "a1.1a1.1") cost it
 * time quadratic in their length. A run of as many characters without white space is no text either
 * (a blob, a dump) and is blanked too, sentence ends or not.
 */
public final class Nlp {
    /** The longest sentence, in characters, that can hold a value. */
    public static final int MAX_SENTENCE_CHARS = 5_000;

    private final StanfordCoreNLP splitter;
    private final MaxentTagger tagger;

    public Nlp() {
        Properties p = new Properties();
        p.setProperty("annotators", "tokenize,ssplit");
        p.setProperty("tokenize.language", "en");
        p.setProperty("ssplit.newlineIsSentenceBreak", "two");
        // Names like mllm-NPU and Orca-Math stay one token, so a name is one token.
        p.setProperty("tokenize.options", "splitHyphenated=false,invertible=true");
        this.splitter = new StanfordCoreNLP(p, false);
        this.tagger = Tagger.TASK.get();
    }

    /**
     * Starts loading the part-of-speech model on a thread of its own, if it is not loading yet. The
     * command line calls this first thing for the commands that will need it, so that the slowest part
     * of the start (about a second) overlaps reading the command line and the rules.
     */
    public static void preload() {
        Tagger.TASK.hashCode();
    }

    /** The tagger: one per JVM (it holds no state between calls), loaded once, in the background. */
    private static final class Tagger {
        static final org.claimx.Daemons.Load<MaxentTagger> TASK =
                org.claimx.Daemons.load(() -> new MaxentTagger(DefaultPaths.DEFAULT_POS_MODEL), "claimx-tagger-load");
    }

    /** The shared part-of-speech model (for the test that holds {@link #tag} to CoreNLP's own tagging). */
    static MaxentTagger sharedTagger() {
        return Tagger.TASK.get();
    }

    /** Tokens and sentences of a text; offsets are into {@code text}. */
    public List<CoreMap> split(String text) {
        Annotation doc = new Annotation(blankLongRuns(text));
        splitter.annotate(doc);
        List<CoreMap> sentences = doc.get(CoreAnnotations.SentencesAnnotation.class);
        return sentences == null ? List.of() : sentences;
    }

    /**
     * {@code text} with every run of over {@link #MAX_SENTENCE_CHARS} characters that cannot end a
     * sentence, or that holds no white space, made spaces.
     */
    static String blankLongRuns(String text) {
        if (text.length() <= MAX_SENTENCE_CHARS) return text;
        char[] out = blank(text, null, Nlp::mayEndSentence);
        out = blank(text, out, Character::isWhitespace);
        return out == null ? text : new String(out);
    }

    private static char[] blank(String text, char[] out, java.util.function.IntPredicate ends) {
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            if (i < text.length() && !ends.test(text.charAt(i))) continue;
            if (i - start > MAX_SENTENCE_CHARS) {
                if (out == null) out = text.toCharArray();
                java.util.Arrays.fill(out, start, i, ' ');
            }
            start = i + 1;
        }
        return out;
    }

    /** Generous: a character that ends a sentence for CoreNLP, or might (all of U+2000 and up, surrogates too). */
    private static boolean mayEndSentence(int c) {
        return c == '.' || c == '?' || c == '!' || c == '\n' || c == '\r' || c >= '\u2000';
    }

    /**
     * Adds part-of-speech tags to the tokens of the given sentences only: CoreNLP's default English model,
     * tags as its {@code pos} annotator gives them, computed without its repeated work
     * ({@link LocalOnceTestSentence}, which leaves a model it does not apply to to CoreNLP's own code).
     */
    public void tag(List<CoreMap> sentences) {
        for (CoreMap s : sentences) {
            List<CoreLabel> tokens = s.get(CoreAnnotations.TokensAnnotation.class);
            List<TaggedWord> tagged = new LocalOnceTestSentence(tagger).tagSentence(tokens, false);
            for (int i = 0; i < tokens.size(); i++) {
                tokens.get(i).set(CoreAnnotations.PartOfSpeechAnnotation.class, tagged.get(i).tag());
            }
        }
    }
}
