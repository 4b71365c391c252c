package org.reetrace.core.analytics;

import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

import org.reetrace.core.composition.Composition;
import org.reetrace.core.element.Element;
import org.reetrace.core.registry.FacilityId;

/**
 * Is a lot declared from one mine better explained as a blend of that mine's ore with another known deposit's?
 * Blending mixes masses, not log-ratios: a fraction {@code f} of the lot's rare earths from deposit B moves the
 * expected pattern along the curve {@code mu(f) = coordinates((1 - f) a + f b)}, with {@code a} and {@code b} the
 * centres of the two signatures as mass shares. The fraction is estimated by least squares in the declared mine's
 * Mahalanobis metric, constrained to {@code [0, 1]} (the one-deposit case of non-negative least squares over the
 * known deposits), and the evidence for it is the drop in squared distance from {@code f = 0} to the estimate,
 * {@code L = D^2(0) - D^2(f)}. Near {@code f = 0} the curve is a straight line and {@code sqrt(L)} is the
 * positive part of the lot's standardised projection on it: for the mine's own ore about normal with the spread
 * of {@link #spread} (the signature's mean and covariance are estimated from {@code n} lots in {@code p}
 * coordinates), which gives the critical value for a stated false-positive rate.
 *
 * <p>A blend of fraction {@code f} shifts the expected projection by {@code sqrt(delta(f))}, {@code delta(f)} the
 * squared Mahalanobis distance of {@code mu(f)} from the centre: it is detected with probability {@code power} once
 * {@code sqrt(delta(f))} reaches the critical value plus the power's quantile. The smallest such {@code f} is the
 * pair's detectable fraction, stated in whole per cent rounded up: it depends only on the two signatures (their
 * centres and the declared mine's spread).
 */
public final class BlendTest {

    private static final int GRID = 50;

    private BlendTest() {
    }

    /**
     * One lot against one candidate deposit: the estimated fraction of the candidate's rare earths, the statistic
     * {@code sqrt(L)}, the critical value it was compared with, and whether it crossed it.
     */
    public record Result(FacilityId declared, FacilityId admixed, double fraction, double statistic,
                         double critical, boolean flagged) {
    }

    /**
     * The candidate that best explains {@code assay} as a blend with the declared mine's ore (the largest
     * statistic), tested at {@code alpha} per candidate; empty when there is no candidate.
     */
    public static Optional<Result> test(MineSignature declared, Collection<MineSignature> candidates, Composition assay,
                                        double alpha) {
        Objects.requireNonNull(declared, "declared signature");
        double critical = critical(declared, alpha);
        double[] x = declared.coordinates(assay);
        Result best = null;
        for (MineSignature b : candidates) {
            if (b.mine().equals(declared.mine())) {
                continue;
            }
            Curve curve = new Curve(declared, b);
            double d0 = declared.distanceSquared(x, curve.at(0));
            double f = curve.closest(x);
            double drop = Math.max(0, d0 - declared.distanceSquared(x, curve.at(f)));
            double z = Math.sqrt(drop);
            if (best == null || z > best.statistic()) {
                best = new Result(declared.mine(), b.mine(), f, z, critical, z > critical);
            }
        }
        return Optional.ofNullable(best);
    }

    /** The critical value of {@code sqrt(L)} for the declared mine's own ore at false-positive rate {@code alpha}. */
    public static double critical(MineSignature declared, double alpha) {
        if (!(alpha > 0 && alpha < 0.5)) {
            throw new IllegalArgumentException("false-positive rate must lie in (0, 1/2): " + alpha);
        }
        return Distributions.normalQuantile(1 - alpha) * spread(declared);
    }

    /**
     * The standard deviation of the statistic's projection for the mine's own ore. With the mean and covariance
     * known it would be one; estimated from {@code n} lots in {@code p} coordinates, the new lot's distance from
     * the mean adds {@code 1/n}, and weighing by the estimated inverse covariance inflates the projection's
     * variance by about {@code E[w'S^-1 Sigma S^-1 w] / E[w'S^-1 w] = (n - 1)(n - 2) / ((n - p - 1)(n - p - 4))}
     * (moments of the inverse Wishart with {@code n - 1} degrees of freedom; e.g. Press, Applied Multivariate
     * Analysis, 1982, 5.2), which matters when a baseline has few more lots than coordinates.
     */
    static double spread(MineSignature declared) {
        double n = declared.historySize();
        double p = declared.dimension();
        double inflation = n - p - 4 > 0 ? (n - 1) * (n - 2) / ((n - p - 1) * (n - p - 4)) : Double.POSITIVE_INFINITY;
        return Math.sqrt((1 + 1 / n) * inflation);
    }

    /**
     * The smallest fraction of {@code admixed}'s rare earths in the declared mine's ore that the test at
     * {@code alpha} detects with probability {@code power}; empty when even pure {@code admixed} ore is not
     * detected that often (the two signatures are too alike for one lot to tell).
     */
    public static OptionalDouble detectableFraction(MineSignature declared, MineSignature admixed, double alpha,
                                                    double power) {
        if (!(power > 0.5 && power < 1)) {
            throw new IllegalArgumentException("power must lie in (1/2, 1): " + power);
        }
        double needed = critical(declared, alpha) + Distributions.normalQuantile(power) * spread(declared);
        Curve curve = new Curve(declared, admixed);
        double[] centre = curve.at(0);
        double lo = 0;
        double hi = Double.NaN;
        for (int i = 1; i <= GRID; i++) {
            double f = (double) i / GRID;
            if (Math.sqrt(declared.distanceSquared(curve.at(f), centre)) >= needed) {
                hi = f;
                break;
            }
            lo = f;
        }
        if (Double.isNaN(hi)) {
            return OptionalDouble.empty();
        }
        for (int i = 0; i < 40; i++) {
            double mid = (lo + hi) / 2;
            if (Math.sqrt(declared.distanceSquared(curve.at(mid), centre)) >= needed) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        // stated in whole per cent, rounded up: the power at the stated fraction is then at least the one asked
        // for, with a little room for what the straight-line approximation leaves out
        return OptionalDouble.of(Math.min(1, Math.ceil(hi * 100 - 1e-9) / 100));
    }

    /** The blend curve in the declared signature's coordinates. */
    private static final class Curve {

        private final MineSignature declared;
        private final double[] a;
        private final double[] b;

        Curve(MineSignature declared, MineSignature admixed) {
            this.declared = declared;
            this.a = declared.meanMassShares();
            List<Element> elements = declared.elements();
            this.b = new double[elements.size()];
            for (int i = 0; i < b.length; i++) {
                b[i] = admixed.meanMassShare(elements.get(i));
            }
        }

        double[] at(double f) {
            double[] m = new double[a.length];
            for (int i = 0; i < m.length; i++) {
                m[i] = (1 - f) * a[i] + f * b[i];
            }
            return declared.coordinatesOfMasses(m);
        }

        /** The fraction in [0, 1] whose point is closest to {@code x}: a grid, then golden section around its best. */
        double closest(double[] x) {
            int bestI = 0;
            double bestD = Double.POSITIVE_INFINITY;
            for (int i = 0; i <= GRID; i++) {
                double d = declared.distanceSquared(x, at((double) i / GRID));
                if (d < bestD) {
                    bestD = d;
                    bestI = i;
                }
            }
            double lo = Math.max(0, (bestI - 1.0) / GRID);
            double hi = Math.min(1, (bestI + 1.0) / GRID);
            double g = (Math.sqrt(5) - 1) / 2;
            double c = hi - g * (hi - lo);
            double d = lo + g * (hi - lo);
            double fc = declared.distanceSquared(x, at(c));
            double fd = declared.distanceSquared(x, at(d));
            for (int i = 0; i < 40; i++) {
                if (fc < fd) {
                    hi = d;
                    d = c;
                    fd = fc;
                    c = hi - g * (hi - lo);
                    fc = declared.distanceSquared(x, at(c));
                } else {
                    lo = c;
                    c = d;
                    fc = fd;
                    d = lo + g * (hi - lo);
                    fd = declared.distanceSquared(x, at(d));
                }
            }
            double f = (lo + hi) / 2;
            return declared.distanceSquared(x, at(f)) <= bestD ? f : (double) bestI / GRID;
        }
    }
}
