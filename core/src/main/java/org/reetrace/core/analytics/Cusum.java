package org.reetrace.core.analytics;

import java.util.ArrayList;
import java.util.List;

/**
 * Page's one-sided cumulative sum test (E. S. Page, "Continuous inspection schemes", Biometrika 41 (1954)
 * 100-115) on standardised MUF: {@code S_t = max(0, S_(t-1) + z_t - k)}, alarm when {@code S_t > h}. A steady
 * diversion of {@code d} sigma a month adds about {@code d - k} a month and crosses {@code h} within a few
 * balances; one large theft crosses it at once. After an alarm the statistic restarts at zero, as it does when the
 * inspectors have been and the books are reconciled.
 *
 * <p>The reference value {@code k} is half the shift the test is tuned for (k = 1: a loss of two sigma-MUF a
 * month). The threshold {@code h} comes from the false-alarm rate the regulator accepts: the in-control average
 * run length (months between false alarms) is {@code periodsPerYear / alarmsPerYear}, and {@code h} solves
 * Siegmund's approximation of the ARL of a CUSUM on N(mu, 1) observations (D. Siegmund, Sequential Analysis,
 * Springer 1985, p. 27): {@code ARL = (exp(-2 D b) + 2 D b - 1) / (2 D^2)} with {@code D = mu - k} and
 * {@code b = h + 1.166}. {@code CusumTest} checks the approximation against simulated N(0, 1) runs; the
 * simulator's evaluation measures the rate the whole chain actually gives.
 */
public record Cusum(double reference, double threshold) {

    /** Siegmund's correction for the overshoot of a discrete-time walk over its boundary: 2 x 0.583. */
    private static final double OVERSHOOT = 1.166;

    public Cusum {
        if (!(reference >= 0) || !(threshold > 0)) {
            throw new IllegalArgumentException("CUSUM needs k >= 0 and h > 0: k=" + reference + ", h=" + threshold);
        }
    }

    /**
     * The test with reference {@code k} whose false alarms, on in-control N(0,1) observations taken
     * {@code periodsPerYear} times a year, come {@code alarmsPerYear} times a year on average.
     */
    public static Cusum forFalseAlarmRate(double k, double alarmsPerYear, int periodsPerYear) {
        if (!(alarmsPerYear > 0) || periodsPerYear <= 0) {
            throw new IllegalArgumentException("false alarm rate and periods per year must be positive: "
                    + alarmsPerYear + ", " + periodsPerYear);
        }
        return forInControlRunLength(k, periodsPerYear / alarmsPerYear);
    }

    /** The test with reference {@code k} whose in-control average run length is {@code arl0} periods. */
    public static Cusum forInControlRunLength(double k, double arl0) {
        if (!(arl0 > 1)) {
            throw new IllegalArgumentException("in-control run length must exceed one period: " + arl0);
        }
        double lo = 1e-6;
        double hi = 1;
        while (averageRunLength(k, hi, 0) < arl0) {
            hi *= 2;
        }
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            if (averageRunLength(k, mid, 0) < arl0) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return new Cusum(k, hi);
    }

    /** Siegmund's approximation of the average run length when the observations are N(shift, 1). */
    public static double averageRunLength(double k, double h, double shift) {
        double d = shift - k;
        double b = h + OVERSHOOT;
        if (Math.abs(d) < 1e-9) {
            return b * b;
        }
        return (Math.exp(-2 * d * b) + 2 * d * b - 1) / (2 * d * d);
    }

    /** The in-control average run length of this test, in periods. */
    public double inControlRunLength() {
        return averageRunLength(reference, threshold, 0);
    }

    /** The statistic after each observation and the indices at which it alarmed. NaN observations are skipped. */
    public Path run(double[] z) {
        double[] s = new double[z.length];
        List<Integer> alarms = new ArrayList<>();
        double current = 0;
        for (int t = 0; t < z.length; t++) {
            if (!Double.isNaN(z[t])) {
                current = Math.max(0, current + z[t] - reference);
            }
            s[t] = current;
            if (current > threshold) {
                alarms.add(t);
                current = 0;
            }
        }
        return new Path(s, alarms);
    }

    /** The CUSUM statistic after each period (before a restart) and where it alarmed. */
    public record Path(double[] statistic, List<Integer> alarms) {
        public Path {
            statistic = statistic.clone();
            alarms = List.copyOf(alarms);
        }

        public double at(int t) {
            return statistic[t];
        }
    }
}
