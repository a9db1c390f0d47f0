package org.claimx.slots;

import edu.stanford.nlp.optimization.AbstractCachingDiffFunction;
import edu.stanford.nlp.optimization.QNMinimizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A conditional logit over the candidates of one slot: a weight per feature, a score per candidate
 * (the sum of its features' weights), and the probability of a candidate the softmax of the scores
 * over all candidates of that value. Trained by CoreNLP's quasi-Newton minimiser on the negative log
 * likelihood of the candidates that agree with gold, with a Gaussian prior; deterministic (features
 * are indexed in order of first appearance, the start is all zeros).
 */
public final class Ranker {
    /** The candidates of one value as feature lists, and which of them agree with gold. */
    public record Group(List<List<String>> candidates, List<Boolean> gold) {}

    private final WeightTable table;
    /** The weight of a null feature (a map key like any other while training). */
    private final double nullWeight;

    /** A ranker of these weights (a null key included); features it lacks weigh 0. */
    private Ranker(Map<String, Double> weights) {
        this.table = new WeightTable(weights);
        this.nullWeight = weights.getOrDefault(null, 0.0);
    }

    /** A ranker of the weights in a table and the weight of the null feature. */
    Ranker(WeightTable table, double nullWeight) {
        this.table = table;
        this.nullWeight = nullWeight;
    }

    public double weight(String feature) {
        return feature == null ? nullWeight : table.get(feature);
    }

    /** Every weight, by feature, for writing the model file (a null key stands for the null feature). */
    Map<String, Double> weights() {
        Map<String, Double> m = new HashMap<>();
        table.forEach(m::put);
        if (nullWeight != 0) m.put(null, nullWeight);
        return m;
    }

    public double score(List<String> features) {
        double s = 0;
        for (String f : features) s += weight(f);
        return s;
    }

    /** The probability of each candidate, in order. */
    public double[] probabilities(List<List<String>> candidates) {
        double[] s = new double[candidates.size()];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < s.length; i++) max = Math.max(max, s[i] = score(candidates.get(i)));
        double z = 0;
        for (int i = 0; i < s.length; i++) z += s[i] = Math.exp(s[i] - max);
        for (int i = 0; i < s.length; i++) s[i] /= z;
        return s;
    }

    /**
     * The negative log likelihood of one group's gold candidates, {@code -log(sum of gold
     * probabilities)}, with its gradient added into {@code d}. The sums of exponentials are taken from
     * the largest score; where the gold sum underflows to zero (the gold candidates score some 700
     * below the best one, as the minimiser's line search can try) it is taken again from the best
     * gold score, since an infinite loss stalls that search.
     */
    static double groupLoss(int[][] c, boolean[] y, double[] w, double[] d) {
        double[] s = new double[c.length];
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < c.length; i++) {
            for (int k : c[i]) s[i] += w[k];
            max = Math.max(max, s[i]);
        }
        double zAll = 0, zGold = 0;
        double[] e = new double[c.length];
        for (int i = 0; i < c.length; i++) {
            e[i] = Math.exp(s[i] - max);
            zAll += e[i];
            if (y[i]) zGold += e[i];
        }
        double shift = 0;
        double[] eg = e;
        if (zGold == 0) {
            double maxGold = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < c.length; i++) if (y[i]) maxGold = Math.max(maxGold, s[i]);
            eg = new double[c.length];
            for (int i = 0; i < c.length; i++) if (y[i]) zGold += eg[i] = Math.exp(s[i] - maxGold);
            shift = max - maxGold;
        }
        for (int i = 0; i < c.length; i++) {
            double grad = e[i] / zAll - (y[i] ? eg[i] / zGold : 0);
            if (grad != 0) for (int k : c[i]) d[k] += grad;
        }
        return Math.log(zAll) - Math.log(zGold) + shift;
    }

    /** A bound on the minimiser's steps, so that training ends even where the search stalls. */
    static final int MAX_ITERATIONS = 2000;

    /** How small a relative improvement of the objective ends the minimiser. */
    static final double TOLERANCE = 1e-5;

    public static Ranker train(List<Group> groups, double sigma) {
        Map<String, Integer> index = new HashMap<>();
        List<String> names = new ArrayList<>();
        List<int[][]> gs = new ArrayList<>();
        List<boolean[]> golds = new ArrayList<>();
        for (Group g : groups) {
            int[][] c = new int[g.candidates().size()][];
            boolean[] y = new boolean[c.length];
            for (int i = 0; i < c.length; i++) {
                List<String> fs = g.candidates().get(i);
                c[i] = new int[fs.size()];
                for (int k = 0; k < fs.size(); k++) {
                    c[i][k] = index.computeIfAbsent(fs.get(k), f -> {
                        names.add(f);
                        return names.size() - 1;
                    });
                }
                y[i] = g.gold().get(i);
            }
            gs.add(c);
            golds.add(y);
        }
        int dim = names.size();
        double inv2s2 = 1.0 / (2 * sigma * sigma);
        AbstractCachingDiffFunction f = new AbstractCachingDiffFunction() {
            @Override
            public int domainDimension() { return dim; }

            @Override
            protected void calculate(double[] w) {
                double v = 0;
                double[] d = new double[dim];
                for (int g = 0; g < gs.size(); g++) v += groupLoss(gs.get(g), golds.get(g), w, d);
                for (int k = 0; k < dim; k++) {
                    v += w[k] * w[k] * inv2s2;
                    d[k] += 2 * w[k] * inv2s2;
                }
                value = v;
                derivative = d;
            }
        };
        QNMinimizer qn = new QNMinimizer(15);
        qn.shutUp();
        double[] w = dim == 0 ? new double[0] : qn.minimize(f, TOLERANCE, new double[dim], MAX_ITERATIONS);
        HashMap<String, Double> weights = new HashMap<>();
        for (int k = 0; k < dim; k++) if (w[k] != 0) weights.put(names.get(k), w[k]);
        return new Ranker(weights);
    }
}
