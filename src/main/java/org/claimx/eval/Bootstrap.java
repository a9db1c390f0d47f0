package org.claimx.eval;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * How far detection and tuple F1 could move with another sample of papers: the papers scored are drawn
 * again with replacement, {@link #RESAMPLES} times with a fixed seed, and the 2.5th and 97.5th
 * percentiles of the scores of those samples are the 95% interval. Two runs scored on the same papers
 * are compared paired (each resample draws the same papers for both), which is what says whether a
 * change helped or the papers happened to favour it.
 *
 * <p>Claims are matched once, over all papers, exactly as {@link Scorer#score} matches them (a match
 * never crosses papers), and each paper keeps its counts: gold claims, predicted claims, matched
 * claims and matched claims right on every slot; F1 over a sample is {@link Prf}'s, as the scorer's.
 */
public final class Bootstrap {
    public static final int RESAMPLES = 1000;
    private static final long SEED = 1;

    /** A 95% interval. */
    public record Interval(double low, double high) {}

    /** Each paper's counts, in the order of the papers given. */
    public static final class Counts {
        final int[] gold;
        final int[] pred;
        final int[] matched;
        final int[] full;

        private Counts(int n) {
            gold = new int[n];
            pred = new int[n];
            matched = new int[n];
            full = new int[n];
        }

        public int papers() { return gold.length; }

        public double detection() { return Prf.of(sum(matched), sum(pred), sum(gold)).f(); }

        public double tuple() { return Prf.of(sum(full), sum(pred), sum(gold)).f(); }

        private static int sum(int[] a) { return Arrays.stream(a).sum(); }

        /** F1 over the papers of {@code sample} (indices, repeats counted), {@code right} the true positives. */
        double f1(int[] right, int[] sample) {
            int g = 0, p = 0, m = 0;
            for (int i : sample) {
                g += gold[i];
                p += pred[i];
                m += right[i];
            }
            return Prf.of(m, p, g).f();
        }
    }

    private Bootstrap() {}

    /** The counts of {@code pred} against {@code gold}, paper by paper, for the papers of {@code papers}. */
    public static Counts counts(Map<String, JsonNode> papers, List<JsonNode> gold, List<JsonNode> pred) {
        Map<String, Integer> index = new HashMap<>();
        for (String id : papers.keySet()) index.put(id, index.size());
        Counts c = new Counts(index.size());
        List<JsonNode> g = known(gold, index);
        List<JsonNode> p = known(pred, index);
        for (JsonNode x : g) c.gold[index.get(paper(x))]++;
        for (JsonNode x : p) c.pred[index.get(paper(x))]++;
        for (Pair pair : Scorer.match(papers, g, p).pairs()) {
            int i = index.get(paper(pair.gold()));
            c.matched[i]++;
            if (Scorer.full(pair.gold(), pair.pred())) c.full[i]++;
        }
        return c;
    }

    /** The 95% intervals of detection F1 and tuple F1, in that order. */
    public static Interval[] intervals(Counts c) {
        double[][] s = resample(c.papers(), sample -> new double[] {c.f1(c.matched, sample), c.f1(c.full, sample)});
        return new Interval[] {interval(s[0]), interval(s[1])};
    }

    /** The 95% intervals of {@code a}'s detection and tuple F1 minus {@code b}'s, over the same papers. */
    public static Interval[] difference(Counts a, Counts b) {
        if (a.papers() != b.papers()) throw new IllegalArgumentException("the two runs are counted over different papers");
        double[][] s = resample(a.papers(), sample -> new double[] {
                a.f1(a.matched, sample) - b.f1(b.matched, sample), a.f1(a.full, sample) - b.f1(b.full, sample)});
        return new Interval[] {interval(s[0]), interval(s[1])};
    }

    private interface Statistic {
        double[] of(int[] sample);
    }

    /** The two statistics of each resample: [statistic][resample]; zeros when there are no papers. */
    private static double[][] resample(int n, Statistic stat) {
        SplittableRandom random = new SplittableRandom(SEED);
        double[][] out = new double[2][RESAMPLES];
        if (n == 0) return out;
        int[] sample = new int[n];
        for (int r = 0; r < RESAMPLES; r++) {
            for (int i = 0; i < n; i++) sample[i] = random.nextInt(n);
            double[] x = stat.of(sample);
            out[0][r] = x[0];
            out[1][r] = x[1];
        }
        return out;
    }

    private static Interval interval(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return new Interval(v[(int) Math.floor(0.025 * (v.length - 1))], v[(int) Math.ceil(0.975 * (v.length - 1))]);
    }

    private static List<JsonNode> known(List<JsonNode> claims, Map<String, Integer> index) {
        return claims.stream().filter(c -> paper(c) != null && index.containsKey(paper(c))).toList();
    }

    private static String paper(JsonNode c) {
        return Py.text(Py.get(c, "paper"));
    }
}
