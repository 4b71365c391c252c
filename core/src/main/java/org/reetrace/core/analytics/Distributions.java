package org.reetrace.core.analytics;

/**
 * The few distribution functions the checks need, in plain Java: the F distribution through the regularised
 * incomplete beta function (continued fraction of Lentz's method, as in Press et al., Numerical Recipes, 3rd ed.,
 * section 6.4), the log-gamma function (Lanczos approximation, ibid. 6.1) and the standard normal distribution
 * (complementary error function by the Chebyshev fit of ibid. 6.2.2, relative error below 1.2e-7; its quantile by
 * bisection on it).
 */
final class Distributions {

    private static final double[] LANCZOS = {57.1562356658629235, -59.5979603554754912, 14.1360979747417471,
            -0.491913816097620199, 0.339946499848118887e-4, 0.465236289270485756e-4, -0.983744753048795646e-4,
            0.158088703224912494e-3, -0.210264441724104883e-3, 0.217439618115212643e-3, -0.164318106536763890e-3,
            0.844182239838527433e-4, -0.261908384015814087e-4, 0.368991826595316234e-5};

    private Distributions() {
    }

    static double logGamma(double x) {
        if (!(x > 0)) {
            throw new IllegalArgumentException("log-gamma needs x > 0: " + x);
        }
        double y = x;
        double tmp = x + 5.24218750000000000;
        tmp = (x + 0.5) * Math.log(tmp) - tmp;
        double ser = 0.999999999999997092;
        for (double c : LANCZOS) {
            ser += c / ++y;
        }
        return tmp + Math.log(2.5066282746310005 * ser / x);
    }

    /** The regularised incomplete beta function I_x(a, b). */
    static double incompleteBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x));
        if (x < (a + 1) / (a + b + 2)) {
            return front * continuedFraction(x, a, b) / a;
        }
        return 1 - front * continuedFraction(1 - x, b, a) / b;
    }

    private static double continuedFraction(double x, double a, double b) {
        final double tiny = 1e-300;
        double qab = a + b;
        double qap = a + 1;
        double qam = a - 1;
        double c = 1;
        double d = 1 - qab * x / qap;
        d = Math.abs(d) < tiny ? tiny : d;
        d = 1 / d;
        double h = d;
        for (int m = 1; m <= 10_000; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + aa * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = 1 + aa / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + aa * d;
            d = Math.abs(d) < tiny ? tiny : d;
            c = 1 + aa / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double del = d * c;
            h *= del;
            if (Math.abs(del - 1) < 1e-15) {
                return h;
            }
        }
        throw new IllegalStateException("incomplete beta did not converge for x=" + x + ", a=" + a + ", b=" + b);
    }

    /** P(F <= f) for F with (d1, d2) degrees of freedom. */
    static double fCdf(double f, double d1, double d2) {
        if (f <= 0) {
            return 0;
        }
        return incompleteBeta(d1 * f / (d1 * f + d2), d1 / 2, d2 / 2);
    }

    /** The p-quantile of F(d1, d2), by bisection. */
    static double fQuantile(double p, double d1, double d2) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("quantile needs 0 < p < 1: " + p);
        }
        double lo = 0;
        double hi = 1;
        while (fCdf(hi, d1, d2) < p) {
            hi *= 2;
        }
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            if (fCdf(mid, d1, d2) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /** The p-quantile of chi-square with {@code k} degrees of freedom: k F(k, infinity), F's second count taken huge. */
    static double chiSquareQuantile(double p, double k) {
        return k * fQuantile(p, k, 1e9);
    }

    /**
     * The one-sided p-quantile (p above one half) of Student's t with {@code df} degrees of freedom: t squared is
     * F(1, df), and P(t > q) is half of P(t^2 > q^2).
     */
    static double tQuantile(double p, double df) {
        if (!(p > 0.5 && p < 1)) {
            throw new IllegalArgumentException("one-sided quantile needs 1/2 < p < 1: " + p);
        }
        return Math.sqrt(fQuantile(2 * p - 1, 1, df));
    }

    /** P(Z <= z) for a standard normal Z. */
    static double normalCdf(double z) {
        return 0.5 * erfc(-z / Math.sqrt(2));
    }

    /** The p-quantile of the standard normal distribution. */
    static double normalQuantile(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("quantile needs 0 < p < 1: " + p);
        }
        double lo = -40;
        double hi = 40;
        for (int i = 0; i < 200; i++) {
            double mid = (lo + hi) / 2;
            // compare upper tails where p is near 1, so that small tail probabilities keep their precision
            boolean below = p > 0.5 ? 0.5 * erfc(mid / Math.sqrt(2)) > 1 - p : normalCdf(mid) < p;
            if (below) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    private static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
