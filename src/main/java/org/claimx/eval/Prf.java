package org.claimx.eval;

/** Precision, recall and F1; each 0.0 where its denominator is zero, as in the python. */
public record Prf(double p, double r, double f) {
    /** From true positives and the sizes of the predicted and gold sides. */
    public static Prf of(int tp, int npred, int ngold) {
        double p = npred != 0 ? (double) tp / npred : 0.0;
        double r = ngold != 0 ? (double) tp / ngold : 0.0;
        return new Prf(p, r, p + r != 0 ? 2 * p * r / (p + r) : 0.0);
    }
}
