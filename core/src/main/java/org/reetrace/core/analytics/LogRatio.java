package org.reetrace.core.analytics;

/**
 * Log-ratio coordinates of compositional data (J. Aitchison, The Statistical Analysis of Compositional Data,
 * Chapman & Hall 1986). Element shares carry only relative information: their sum is fixed, so ordinary means
 * and covariances of raw percentages mislead. The centred log-ratio {@code clr(x)_i = ln(x_i / g(x))}, with
 * {@code g} the geometric mean, maps a composition to real space where they work. Scaling a composition (a
 * richer or poorer lot of the same ore) leaves its clr unchanged; dividing by chondrite values shifts it by a
 * constant vector, which leaves Mahalanobis distances unchanged.
 */
public final class LogRatio {

    private LogRatio() {
    }

    /** Centred log-ratio of strictly positive parts. */
    public static double[] clr(double[] parts) {
        double[] out = new double[parts.length];
        double meanLog = 0;
        for (int i = 0; i < parts.length; i++) {
            if (!(parts[i] > 0)) {
                throw new IllegalArgumentException("log-ratios need positive parts; part " + i + " is " + parts[i]);
            }
            out[i] = Math.log(parts[i]);
            meanLog += out[i];
        }
        meanLog /= parts.length;
        for (int i = 0; i < out.length; i++) {
            out[i] -= meanLog;
        }
        return out;
    }

    /**
     * The first D-1 clr coordinates. clr coordinates sum to zero, so their covariance is singular; dropping the
     * last one leaves an invertible linear image of the isometric log-ratio coordinates (Egozcue et al. 2003),
     * and Mahalanobis distances, invariant under invertible linear maps, are the same as in ilr.
     */
    public static double[] reducedClr(double[] parts) {
        double[] c = clr(parts);
        double[] r = new double[c.length - 1];
        System.arraycopy(c, 0, r, 0, r.length);
        return r;
    }
}
