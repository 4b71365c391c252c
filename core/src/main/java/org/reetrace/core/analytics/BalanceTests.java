package org.reetrace.core.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The sequential tests one basis of a facility's balances is watched by, with one false-alarm budget shared among
 * them (a union bound: the rates add up to at most the budget):
 * <ul>
 * <li><b>Page's test, k = 1</b> ({@code abrupt}): tuned to a loss of two sigma-MUF in a month, an abrupt theft;</li>
 * <li><b>Page's test on SITMUF</b> ({@code protracted}) with the reference value {@code k} chosen for the protracted
 * diversion to be caught (half of it, in sigma-MUF): the standard test for small shifts. SITMUF (standardised
 * independent transformed MUF, IAEA) decorrelates the MUF sequence by the Cholesky factor of its covariance; the
 * balance book models each month's errors as independent (see {@link MaterialBalanceBook}), so the covariance is
 * diagonal and SITMUF is the standardised MUF itself;</li>
 * <li><b>cumulative MUF</b> over the last 6 and the last 12 balances (the CUMUF/GEMUF family):
 * {@code sum (MUF - expected) / sqrt(sum sigma^2)}, N(0, 1) for an honest facility, against a critical value
 * {@code c}.</li>
 * </ul>
 * Thresholds: each Page test's {@code h} solves Siegmund's approximation for an in-control run length of
 * {@code 12 / rate} months ({@link Cusum#forFalseAlarmRate}); the cumulative tests look once a month with each
 * window, 24 looks a year, so {@code c = Phi^-1(1 - rate / 24)} (Bonferroni over the looks). After an alarm each test
 * restarts, as after an inspection. Of the budget, the abrupt test takes what its own rate is, and the rest goes
 * two parts to the protracted test and one to the cumulative tests.
 */
public final class BalanceTests {

    /** The windows of the cumulative MUF test, in balances. */
    public static final List<Integer> WINDOWS = List.of(6, 12);

    /** The least and greatest reference value of the protracted test: below, h grows beyond any useful length. */
    static final double MIN_REFERENCE = 0.1;
    static final double MAX_REFERENCE = 1.0;

    private static final int PERIODS_PER_YEAR = 12;
    private static final int MONTE_CARLO_RUNS = 4000;
    private static final long MONTE_CARLO_SEED = 20261208L;

    private final Cusum abrupt;
    private final double protractedRate;
    private final double cumulativeRate;
    private final double critical;
    private final Map<Double, Cusum> protracted = new ConcurrentHashMap<>();
    /** Monte Carlo results, shared by every instance: they depend only on the thresholds and the question. */
    private static final Map<List<Double>, Double> DETECTABLE = new ConcurrentHashMap<>();

    /** The tests for a budget of {@code alarmsPerYear}, of which {@code abrupt} takes its own rate. */
    public BalanceTests(Cusum abrupt, double alarmsPerYear) {
        this.abrupt = abrupt;
        double abruptRate = PERIODS_PER_YEAR / abrupt.inControlRunLength();
        double rest = alarmsPerYear - abruptRate;
        if (!(rest > 0)) {
            throw new IllegalArgumentException("the abrupt test alone gives " + abruptRate + " false alarms a year,"
                    + " the whole budget of " + alarmsPerYear);
        }
        this.protractedRate = rest * 2 / 3;
        this.cumulativeRate = rest / 3;
        this.critical = Distributions.normalQuantile(1 - cumulativeRate / (PERIODS_PER_YEAR * WINDOWS.size()));
    }

    /** The tests for a budget of {@code alarmsPerYear}, the abrupt test taking 40 % of it. */
    public static BalanceTests forBudget(double alarmsPerYear) {
        return new BalanceTests(Cusum.forFalseAlarmRate(1.0, 0.4 * alarmsPerYear, PERIODS_PER_YEAR), alarmsPerYear);
    }

    public Cusum abrupt() {
        return abrupt;
    }

    /** Page's test on SITMUF with reference {@code k}, at its share of the budget. */
    public Cusum protracted(double k) {
        return protracted.computeIfAbsent(k, r -> Cusum.forFalseAlarmRate(r, protractedRate, PERIODS_PER_YEAR));
    }

    /** The critical value of the cumulative MUF tests. */
    public double critical() {
        return critical;
    }

    /** False alarms a year of the abrupt, protracted and cumulative tests, by design. */
    public double[] rates() {
        return new double[] {PERIODS_PER_YEAR / abrupt.inControlRunLength(), protractedRate, cumulativeRate};
    }

    /**
     * The reference value for a protracted diversion of {@code shift} sigma-MUF a month: half of it, to the nearest
     * 0.05, within [0.1, 1].
     */
    public static double referenceFor(double shift) {
        double k = Math.round(shift / 2 * 20) / 20.0;
        return Math.max(MIN_REFERENCE, Math.min(MAX_REFERENCE, k));
    }

    /** One test's alarm: at which balance, by which test, its statistic and threshold. */
    public record Alarm(int index, String test, double statistic, double threshold) {
    }

    /** What the tests say of a series: the two Page paths, the cumulative statistics and every alarm. */
    public record Result(Cusum.Path abrupt, Cusum.Path protracted, double reference, double[][] cumulative,
                         List<Alarm> alarms) {
        public Result {
            alarms = List.copyOf(alarms);
        }

        /** The alarms at balance {@code t}. */
        public List<Alarm> at(int t) {
            return alarms.stream().filter(a -> a.index() == t).toList();
        }

        /** The balances at which any test alarmed, in order. */
        public List<Integer> alarmed() {
            return alarms.stream().map(Alarm::index).distinct().sorted().toList();
        }
    }

    /**
     * Runs the tests on a series: {@code z} the standardised MUF, {@code sigma} the sigma-MUF of each balance (any
     * unit), {@code k} the protracted test's reference.
     */
    public Result run(double[] z, double[] sigma, double k) {
        Cusum slow = protracted(k);
        Cusum.Path a = abrupt.run(z);
        Cusum.Path p = slow.run(z);
        List<Alarm> alarms = new ArrayList<>();
        a.alarms().forEach(t -> alarms.add(new Alarm(t, "Page k=" + fmt(abrupt.reference()), a.at(t), abrupt.threshold())));
        p.alarms().forEach(t -> alarms.add(new Alarm(t, "Page SITMUF k=" + fmt(k), p.at(t), slow.threshold())));
        double[][] cumulative = new double[WINDOWS.size()][z.length];
        int since = 0;
        for (int t = 0; t < z.length; t++) {
            boolean alarmed = false;
            for (int w = 0; w < WINDOWS.size(); w++) {
                int window = WINDOWS.get(w);
                cumulative[w][t] = Double.NaN;
                if (t - since + 1 < window) {
                    continue;
                }
                double muf = 0;
                double variance = 0;
                for (int i = t - window + 1; i <= t; i++) {
                    muf += z[i] * sigma[i];
                    variance += sigma[i] * sigma[i];
                }
                cumulative[w][t] = muf / Math.sqrt(variance);
                if (cumulative[w][t] > critical) {
                    alarms.add(new Alarm(t, "CUMUF " + window, cumulative[w][t], critical));
                    alarmed = true;
                }
            }
            if (alarmed) {
                since = t + 1;
            }
        }
        alarms.sort(java.util.Comparator.comparingInt(Alarm::index));
        return new Result(a, p, k, cumulative, alarms);
    }

    /**
     * The minimum detectable diversion, in sigma-MUF a month: the least steady diversion that any of these tests
     * (protracted reference {@code k}) detects within {@code balances} balances with probability
     * {@code probability}. By Monte Carlo on the model: standardised MUF {@code N(d, 1)}, independent, with a
     * steady sigma-MUF; 4,000 series from a fixed seed (the same series for every {@code d}, so the detection
     * probability is monotone in {@code d}), {@code d} by bisection to 0.001 sigma. Deterministic.
     */
    public double detectableShift(double k, int balances, double probability) {
        List<Double> key = List.of(abrupt.reference(), abrupt.threshold(), protractedRate, critical, k,
                (double) balances, probability);
        Double known = DETECTABLE.get(key);
        if (known == null) {
            known = monteCarloShift(k, balances, probability, MONTE_CARLO_SEED, MONTE_CARLO_RUNS);
            DETECTABLE.put(key, known);
        }
        return known;
    }

    /** {@link #detectableShift} with its own seed and number of series, to check it against. */
    double monteCarloShift(double k, int balances, double probability, long seed, int runs) {
        SplittableRandom random = new SplittableRandom(seed);
        double[][] noise = new double[runs][balances];
        for (double[] row : noise) {
            for (int t = 0; t < balances; t++) {
                row[t] = gaussian(random);
            }
        }
        double[] sigma = new double[balances];
        java.util.Arrays.fill(sigma, 1);
        double lo = 0;
        double hi = 1;
        while (detected(noise, sigma, k, hi) < probability) {
            hi *= 2;
        }
        while (hi - lo > 0.001) {
            double mid = (lo + hi) / 2;
            if (detected(noise, sigma, k, mid) < probability) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return hi;
    }

    private double detected(double[][] noise, double[] sigma, double k, double shift) {
        Cusum slow = protracted(k);
        int caught = 0;
        double[] z = new double[sigma.length];
        for (double[] row : noise) {
            for (int t = 0; t < z.length; t++) {
                z[t] = shift + row[t];
            }
            if (alarms(z, sigma, slow)) {
                caught++;
            }
        }
        return (double) caught / noise.length;
    }

    /** Whether any test alarms on the series: {@link #run} without its record, for the Monte Carlo. */
    private boolean alarms(double[] z, double[] sigma, Cusum slow) {
        double a = 0;
        double p = 0;
        double muf = 0;
        double variance = 0;
        for (int t = 0; t < z.length; t++) {
            a = Math.max(0, a + z[t] - abrupt.reference());
            p = Math.max(0, p + z[t] - slow.reference());
            if (a > abrupt.threshold() || p > slow.threshold()) {
                return true;
            }
            for (int window : WINDOWS) {
                if (t + 1 >= window) {
                    muf = 0;
                    variance = 0;
                    for (int i = t - window + 1; i <= t; i++) {
                        muf += z[i] * sigma[i];
                        variance += sigma[i] * sigma[i];
                    }
                    if (muf / Math.sqrt(variance) > critical) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    /**
     * The analytic bound on the minimum detectable diversion, in sigma-MUF a month, of the cumulative test over a
     * window of {@code balances} alone: {@code (c + Phi^-1(p)) / sqrt(n)}. The tests together do at least as well,
     * so it bounds the Monte Carlo figure from above.
     */
    public double cumulativeBound(int balances, double probability) {
        return (critical + Distributions.normalQuantile(probability)) / Math.sqrt(balances);
    }

    static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian of its own that is stable across JDKs
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static String fmt(double v) {
        return String.format(Locale.ROOT, "%.2f", v);
    }
}
