package org.reetrace.core.analytics;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.reetrace.core.composition.Composition;
import org.reetrace.core.element.Element;
import org.reetrace.core.registry.FacilityId;

/**
 * A mine's rare-earth signature: the mean and covariance of the chondrite-normalised patterns of its assayed lots
 * in log-ratio coordinates ({@link LogRatio}), over the elements present in every lot of its history. A new lot is
 * tested by its Mahalanobis distance from the mean. For a lot from the same population (multivariate normal in
 * log-ratio space) with the mean and covariance estimated from {@code n} lots in {@code p} coordinates,
 * {@code D^2 n (n - p) / (p (n + 1) (n - 1))} follows F(p, n - p) (Hotelling's T-squared for one new
 * observation; e.g. Mardia, Kent & Bibby, Multivariate Analysis, 1979, 5.2): that gives the threshold for a stated
 * false-positive rate without assuming the history is large.
 */
public final class MineSignature {

    private final FacilityId mine;
    private final List<Element> elements;
    private final int n;
    private final double[] mean;
    private final double[][] inverseCovariance;

    private MineSignature(FacilityId mine, List<Element> elements, int n, double[] mean, double[][] inverseCovariance) {
        this.mine = mine;
        this.elements = List.copyOf(elements);
        this.n = n;
        this.mean = mean;
        this.inverseCovariance = inverseCovariance;
    }

    /**
     * The signature of {@code history}; no data when the history is too short to estimate a covariance (it needs
     * more lots than coordinates, and at least five more so that the F test has room).
     */
    public static Outcome<MineSignature> of(FacilityId mine, Collection<Composition> history) {
        return of(mine, history, false);
    }

    /**
     * The signature of {@code history}, with {@code thoriumAndUranium} over the rare earths and thorium and
     * uranium (normalised to chondrite too, as in an extended spider diagram) when every lot has both: monazite
     * carries thorium, xenotime and clays little of either, so Th and U tell apart deposits whose rare-earth
     * patterns are alike. Without them, or when a lot lacks one, the rare earths alone.
     */
    public static Outcome<MineSignature> of(FacilityId mine, Collection<Composition> history,
                                            boolean thoriumAndUranium) {
        Objects.requireNonNull(mine, "mine");
        List<Element> elements = new ArrayList<>();
        for (Element e : Element.values()) {
            if (e.isRareEarth() && ChondriteNormalisation.has(e)
                    && !history.isEmpty() && history.stream().allMatch(c -> c.get(e) > 0)) {
                elements.add(e);
            }
        }
        int p = elements.size() - 1;
        if (thoriumAndUranium && p >= 2 && !history.isEmpty()
                && history.stream().allMatch(c -> c.get(Element.Th) > 0 && c.get(Element.U) > 0)) {
            elements.add(Element.Th);
            elements.add(Element.U);
            p += 2;
        }
        if (p < 2) {
            return Outcome.noData("mine " + mine + ": fewer than three rare earths present in every lot of its history ("
                    + history.size() + " lots)");
        }
        if (history.size() < p + 5) {
            return Outcome.noData("mine " + mine + ": " + history.size() + " lots of history, the signature over "
                    + elements.size() + " elements needs at least " + (p + 5));
        }
        List<double[]> xs = new ArrayList<>();
        for (Composition c : history) {
            xs.add(coordinates(c, elements));
        }
        int n = xs.size();
        double[] mean = new double[p];
        for (double[] x : xs) {
            for (int i = 0; i < p; i++) {
                mean[i] += x[i] / n;
            }
        }
        double[][] cov = new double[p][p];
        for (double[] x : xs) {
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    cov[i][j] += (x[i] - mean[i]) * (x[j] - mean[j]) / (n - 1);
                }
            }
        }
        double[][] inverse = invert(cov);
        if (inverse == null) {
            return Outcome.noData("mine " + mine + ": the covariance of its history is singular");
        }
        return Outcome.measured(new MineSignature(mine, elements, n, mean, inverse));
    }

    public FacilityId mine() {
        return mine;
    }

    public List<Element> elements() {
        return elements;
    }

    /** The mean of the history in its coordinates (reduced centred log-ratios of the chondrite-normalised parts). */
    public double[] meanLogRatios() {
        return mean.clone();
    }

    public int historySize() {
        return n;
    }

    /** Coordinates of the signature's space: dimension = elements - 1. */
    public int dimension() {
        return mean.length;
    }

    /** The squared Mahalanobis distance of an assay from the signature. */
    public double distanceSquared(Composition assay) {
        return distanceSquared(coordinates(assay, elements), mean);
    }

    /** Tests an assay at false-positive rate {@code alpha} for lots that truly come from this mine. */
    public FingerprintResult test(Composition assay, double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("false-positive rate must lie in (0, 1): " + alpha);
        }
        int p = dimension();
        double scale = (double) n * (n - p) / ((double) p * (n + 1) * (n - 1));
        double d2 = distanceSquared(assay);
        double pValue = 1 - Distributions.fCdf(d2 * scale, p, n - p);
        double critical = Distributions.fQuantile(1 - alpha, p, n - p) / scale;
        return new FingerprintResult(mine, d2, critical, pValue, d2 > critical, pattern(assay));
    }

    /** The assay's chondrite-normalised pattern over the signature's elements, as a geologist would plot it. */
    public double[] pattern(Composition assay) {
        double total = Math.max(1, assay.totalMg());
        double[] out = new double[elements.size()];
        for (int i = 0; i < out.length; i++) {
            Element e = elements.get(i);
            out[i] = (assay.get(e) / total * 1e6) / ChondriteNormalisation.ppm(e);
        }
        return out;
    }

    /**
     * Reduced clr of the chondrite-normalised element masses. An element the assay did not find is replaced by
     * one part per million of the lot's rare earths (multiplicative replacement of a value below detection,
     * Martin-Fernandez et al. 2003), which places such a lot far from a signature that always has the element.
     */
    private static double[] coordinates(Composition c, List<Element> elements) {
        double[] masses = new double[elements.size()];
        for (int i = 0; i < masses.length; i++) {
            masses[i] = c.get(elements.get(i));
        }
        return coordinates(masses, elements);
    }

    private static double[] coordinates(double[] masses, List<Element> elements) {
        double total = 0;
        for (double m : masses) {
            total += m;
        }
        double floor = Math.max(total * 1e-6, 1e-3);
        double[] parts = new double[elements.size()];
        for (int i = 0; i < parts.length; i++) {
            parts[i] = Math.max(masses[i], floor) / ChondriteNormalisation.ppm(elements.get(i));
        }
        return LogRatio.reducedClr(parts);
    }

    /**
     * The signature's centre as mass shares of its elements (summing to one): the composition whose coordinates are
     * the mean, i.e. the closed geometric mean of the history. The point a blend with another deposit starts from.
     */
    public double[] meanMassShares() {
        double[] clr = new double[elements.size()];
        double last = 0;
        for (int i = 0; i < mean.length; i++) {
            clr[i] = mean[i];
            last -= mean[i];
        }
        clr[clr.length - 1] = last;
        double[] shares = new double[clr.length];
        double sum = 0;
        for (int i = 0; i < clr.length; i++) {
            shares[i] = Math.exp(clr[i]) * ChondriteNormalisation.ppm(elements.get(i));
            sum += shares[i];
        }
        for (int i = 0; i < shares.length; i++) {
            shares[i] /= sum;
        }
        return shares;
    }

    /** The share of {@code e} in the signature's centre; zero for an element outside the signature. */
    public double meanMassShare(Element e) {
        int i = elements.indexOf(e);
        return i < 0 ? 0 : meanMassShares()[i];
    }

    /** The coordinates of an assay in this signature's space. */
    public double[] coordinates(Composition assay) {
        return coordinates(assay, elements);
    }

    /** The coordinates of element masses (any unit) given in the order of {@link #elements()}. */
    public double[] coordinatesOfMasses(double[] masses) {
        if (masses.length != elements.size()) {
            throw new IllegalArgumentException("expected " + elements.size() + " masses, got " + masses.length);
        }
        // as milligrams of a large lot, so that only the relative floor for an absent element applies
        double total = 0;
        for (double m : masses) {
            total += m;
        }
        double[] mg = new double[masses.length];
        for (int i = 0; i < mg.length; i++) {
            mg[i] = total > 0 ? masses[i] / total * 1e12 : 0;
        }
        return coordinates(mg, elements);
    }

    /** The squared Mahalanobis distance between two points of this signature's space, in its covariance. */
    public double distanceSquared(double[] x, double[] centre) {
        double s = 0;
        for (int i = 0; i < x.length; i++) {
            double row = 0;
            for (int j = 0; j < x.length; j++) {
                row += inverseCovariance[i][j] * (x[j] - centre[j]);
            }
            s += (x[i] - centre[i]) * row;
        }
        return s;
    }

    /** Gauss-Jordan inversion with partial pivoting; null if singular. */
    static double[][] invert(double[][] m) {
        int p = m.length;
        double[][] a = new double[p][2 * p];
        for (int i = 0; i < p; i++) {
            System.arraycopy(m[i], 0, a[i], 0, p);
            a[i][p + i] = 1;
        }
        for (int col = 0; col < p; col++) {
            int pivot = col;
            for (int r = col + 1; r < p; r++) {
                if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
                    pivot = r;
                }
            }
            if (Math.abs(a[pivot][col]) < 1e-300) {
                return null;
            }
            double[] t = a[col];
            a[col] = a[pivot];
            a[pivot] = t;
            double div = a[col][col];
            for (int j = 0; j < 2 * p; j++) {
                a[col][j] /= div;
            }
            for (int r = 0; r < p; r++) {
                if (r != col && a[r][col] != 0) {
                    double f = a[r][col];
                    for (int j = 0; j < 2 * p; j++) {
                        a[r][j] -= f * a[col][j];
                    }
                }
            }
        }
        double[][] inv = new double[p][p];
        for (int i = 0; i < p; i++) {
            System.arraycopy(a[i], p, inv[i], 0, p);
        }
        return inv;
    }
}
