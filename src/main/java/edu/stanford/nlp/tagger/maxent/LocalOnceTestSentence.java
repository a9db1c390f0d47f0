package edu.stanford.nlp.tagger.maxent;

import edu.stanford.nlp.math.ArrayMath;
import edu.stanford.nlp.util.Pair;
import java.util.List;

/**
 * CoreNLP's {@link TestSentence} (Stanford CoreNLP 4.5.10, GPL-3.0-or-later, as claimx is), tagging with
 * the same arithmetic, without recomputing what it throws away.
 *
 * <p>For each position the tagger's Viterbi search asks {@code getHistories} once per assignment of tags
 * to the positions before it. In exact scoring (the English models) CoreNLP computes the scores of the
 * position's "local" features (those of the current word) on every such call, but uses them only on the
 * first, where it adds them into the position's cached local-context scores; on every later call they
 * are computed and dropped (its per-word cache misses whenever the word has fewer possible tags than
 * the model has tags, nearly always). Here they are computed on the first call only. Likewise whether the
 * position's word is rare is looked up once, and the feature of the two tags before a position (a string
 * "t2!t1" built and hashed on every call) is looked up once per pair of tags in a sentence. The scores,
 * and so the tags, are bit for bit those of CoreNLP: the same sums in the same order.
 *
 * <p>It lives in CoreNLP's package because what it reads (the extractors, feature associations and
 * weights) is package-private there. Anything other than exact, quiet scoring is left to CoreNLP.
 */
public final class LocalOnceTestSentence extends TestSentence {
    /** Per position of the sentence being tagged: local-context plus local scores, once computed. */
    private double[][] fixedScores;
    /** Per position: 0 not yet known, 1 a rare word, 2 not. */
    private byte[] rareAt;
    /**
     * The weights' indices of the tag-pair feature of number {@link #tagPairFeature} (the first such
     * feature met; a model with another is looked up as CoreNLP does), by the two tags (String objects).
     */
    private final java.util.IdentityHashMap<String, java.util.IdentityHashMap<String, int[]>> tagPairs = new java.util.IdentityHashMap<>();
    private int tagPairFeature = -1;
    private static final int[] NONE = new int[0];

    public LocalOnceTestSentence(MaxentTagger tagger) {
        super(tagger);
    }

    /** Whether the faster scoring applies to this tagger (exact scoring, not verbose); otherwise CoreNLP's runs. */
    public static boolean applies(MaxentTagger tagger) {
        return !tagger.hasApproximateScoring() && (tagger.config == null || !tagger.config.getVerbose());
    }

    @Override
    protected void init() {
        super.init();
        fixedScores = new double[size][];
        rareAt = new byte[size];
    }

    @Override
    protected double[] getHistories(String[] tags, History h) {
        if (VERBOSE || maxentTagger.hasApproximateScoring()) return super.getHistories(tags, h);
        byte known = rareAt[h.current];
        if (known == 0) rareAt[h.current] = known = maxentTagger.isRare(ExtractorFrames.cWord.extract(h)) ? (byte) 1 : (byte) 2;
        boolean rare = known == 1;
        Extractors ex = maxentTagger.extractors;
        Extractors exR = maxentTagger.extractorsRare;
        double[] lcS = fixedScores[h.current];
        if (lcS == null) {
            double[] lS = scores(h, ex.local, rare ? exR.local : null);
            lcS = scores(h, ex.localContext, rare ? exR.localContext : null);
            ArrayMath.pairwiseAddInPlace(lcS, lS);
            fixedScores[h.current] = lcS;
        }
        double[] totalS = scores(h, ex.dynamic, rare ? exR.dynamic : null);
        ArrayMath.pairwiseAddInPlace(totalS, lcS);
        return totalS;
    }

    /** CoreNLP's exact scores of the given extractors' features at {@code h}, one per tag of the model. */
    private double[] scores(History h, List<Pair<Integer, Extractor>> extractors, List<Pair<Integer, Extractor>> extractorsRare) {
        double[] scores = new double[maxentTagger.ySize];
        double[] lambda = maxentTagger.getLambdaSolve().lambda;
        for (Pair<Integer, Extractor> e : extractors) add(e.first(), e.second(), h, scores, lambda);
        if (extractorsRare != null) {
            int common = maxentTagger.extractors.size();
            for (Pair<Integer, Extractor> e : extractorsRare) add(common + e.first(), e.second(), h, scores, lambda);
        }
        return scores;
    }

    private void add(int kf, Extractor ex, History h, double[] scores, double[] lambda) {
        boolean tagPair = ex.getClass() == ExtractorFrames.ExtractorContinuousTagConjunction.class && ex.position == -2
                && (tagPairFeature < 0 || tagPairFeature == kf);
        int[] associations = tagPair ? tagPair(kf, ex, h) : maxentTagger.fAssociations.get(kf).get(ex.extract(h));
        if (associations == null || associations == NONE) return;
        for (int j = 0; j < maxentTagger.ySize; j++) {
            int f = associations[j];
            if (f >= 0) scores[j] += lambda[f];
        }
    }

    /** The tag-pair feature's weight indices: its value is the two tags before {@code h} joined by '!'. */
    private int[] tagPair(int kf, Extractor ex, History h) {
        tagPairFeature = kf;
        String t2 = h.pairs.getTag(h, -2);
        String t1 = h.pairs.getTag(h, -1);
        var byT1 = tagPairs.computeIfAbsent(t2, k -> new java.util.IdentityHashMap<>());
        int[] a = byT1.get(t1);
        if (a == null) {
            a = maxentTagger.fAssociations.get(kf).get(ex.extract(h));
            byT1.put(t1, a == null ? NONE : a);
        }
        return a;
    }
}
