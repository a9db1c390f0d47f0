package org.claimx.slots;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class RankerTest {
    @Test
    void lossStaysFiniteWhenTheGoldCandidateScoresFarBelowTheBest() {
        // Candidate 0 (feature 0) scores 1000, the gold candidate 1 (feature 1) scores 0: the gold
        // probability is e^-1000, which a plain sum of exponentials rounds to zero (an infinite loss).
        int[][] c = {{0}, {1}};
        boolean[] y = {false, true};
        double[] d = new double[2];
        double loss = Ranker.groupLoss(c, y, new double[] {1000, 0}, d);
        assertEquals(1000.0, loss, 1e-9);
        assertEquals(1.0, d[0], 1e-9);
        assertEquals(-1.0, d[1], 1e-9);
    }

    @Test
    void lossIsMinusTheLogOfTheGoldProbabilityAndItsGradientMatchesFiniteDifferences() {
        int[][] c = {{0, 2}, {1}, {1, 2}};
        boolean[] y = {true, false, true};
        double[] w = {0.3, -0.7, 1.1};
        double[] d = new double[3];
        double loss = Ranker.groupLoss(c, y, w, d);
        double e0 = Math.exp(0.3 + 1.1), e1 = Math.exp(-0.7), e2 = Math.exp(-0.7 + 1.1);
        assertEquals(-Math.log((e0 + e2) / (e0 + e1 + e2)), loss, 1e-12);
        for (int k = 0; k < w.length; k++) {
            double h = 1e-6;
            double[] up = w.clone(), down = w.clone();
            up[k] += h;
            down[k] -= h;
            double numeric = (Ranker.groupLoss(c, y, up, new double[3]) - Ranker.groupLoss(c, y, down, new double[3])) / (2 * h);
            assertEquals(numeric, d[k], 1e-6, "gradient of weight " + k);
        }
    }

    @Test
    void trainingPrefersTheFeatureOfTheGoldCandidates() {
        Ranker.Group g = new Ranker.Group(List.of(List.of("bias", "near"), List.of("bias", "far")), List.of(true, false));
        Ranker.Group h = new Ranker.Group(List.of(List.of("bias", "far"), List.of("bias", "near"), List.of("bias")),
                List.of(false, true, false));
        Ranker r = Ranker.train(List.of(g, h, g), 1.0);
        assertTrue(r.weight("near") > r.weight("far"));
        double[] p = r.probabilities(List.of(List.of("near"), List.of("far"), List.of("unseen")));
        assertEquals(1.0, p[0] + p[1] + p[2], 1e-12);
        assertTrue(p[0] > p[1] && p[0] > p[2]);
    }
}
