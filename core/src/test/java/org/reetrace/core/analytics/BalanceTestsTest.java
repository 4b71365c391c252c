package org.reetrace.core.analytics;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.reetrace.core.registry.FacilityId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The sequential tests for protracted diversion and the minimum detectable diversion, by Monte Carlo on the model
 * with fixed seeds.
 */
class BalanceTestsTest {

    private static final FacilityId PLANT = FacilityId.of("FAC-PLANT");
    private static final double T = 1e6;

    private final MufMonitor monitor = new MufMonitor(AnalyticsSettings.DEFAULT_CUSUM);

    /**
     * A concentration plant taking 100 t of rare earths a month in 400 ore lots, each sampled and assayed with a
     * 5 % grade error (large: heterogeneous bulk), its laboratory calibrated to 0.15 %, and an unmeasured loss of
     * 1 % whose rate varies by 0.05 % from month to month: sigma-MUF from the model's own formulas.
     */
    private static double sigmaOf(double throughputMg, int lots, Uncertainty u, double lossRateSd) {
        double lot = throughputMg / lots;
        double variance = lots * u.randomVarianceOfSum(lot, lot * lot) + Math.pow(u.systematicRsd() * throughputMg, 2)
                + Math.pow(lossRateSd * throughputMg, 2);
        return Math.sqrt(variance);
    }

    private static final Uncertainty LARGE_ASSAY_ERROR = new Uncertainty(0.002, 0.05, 0, 0.0015);

    /** Monthly balances of a plant: honest MUF drawn from N(expected, sigma), plus a diversion from month {@code from}. */
    private static List<MaterialBalance> months(SplittableRandom rnd, double throughputMg, double sigmaMg, int n,
                                                int from, double divertedMg) {
        List<MaterialBalance> out = new ArrayList<>();
        YearMonth m = YearMonth.of(2026, 1);
        for (int t = 0; t < n; t++) {
            double expected = 0.01 * throughputMg;
            double muf = expected + sigmaMg * BalanceTests.gaussian(rnd) + (t >= from ? divertedMg : 0);
            long mufMg = Math.round(muf);
            long through = Math.round(throughputMg);
            out.add(new MaterialBalance(PLANT, m.plusMonths(t), Basis.RARE_EARTHS, 0, through, through - mufMg, 0,
                    through, mufMg, 0, 0, expected, sigmaMg, List.of()));
        }
        return out;
    }

    @Test
    void a_half_percent_a_month_diversion_above_the_stated_mdd_is_caught_within_12_balances_at_a_large_assay_error() {
        double throughput = 100_000 * T;
        double sigma = sigmaOf(throughput, 400, LARGE_ASSAY_ERROR, 0.0005);
        assertThat(sigma / throughput).isBetween(0.002, 0.004);
        MufMonitor.Detection stated = monitor.detection(PLANT, Basis.RARE_EARTHS,
                months(new SplittableRandom(1), throughput, sigma, 12, 99, 0)).orElseThrow();
        double diversion = 0.005 * throughput;
        assertThat(stated.over(12).mg()).isLessThan(diversion);
        assertThat(stated.sufficient()).isTrue();

        SplittableRandom rnd = new SplittableRandom(2026);
        int runs = 1000;
        int caught = 0;
        for (int r = 0; r < runs; r++) {
            // 12 honest balances choose the reference and build no credit; the diversion starts with the 13th
            List<MaterialBalance> series = months(rnd, throughput, sigma, 24, 12, diversion);
            MufMonitor.Sequence s = monitor.sequence(PLANT, Basis.RARE_EARTHS, series).orElseThrow();
            if (s.tests().alarmed().stream().anyMatch(t -> t >= 12)) {
                caught++;
            }
        }
        assertThat((double) caught / runs).isGreaterThanOrEqualTo(0.95);
    }

    @Test
    void the_same_diversion_at_a_plant_with_few_lots_is_below_its_mdd_and_the_plant_says_so() {
        double throughput = 100_000 * T;
        double sigma = sigmaOf(throughput, 20, new Uncertainty(0.002, 0.05, 0, 0.01), 0.01);
        MufMonitor.Detection stated = monitor.detection(PLANT, Basis.RARE_EARTHS,
                months(new SplittableRandom(1), throughput, sigma, 12, 99, 0)).orElseThrow();

        assertThat(stated.over(12).mg()).isGreaterThan(0.005 * throughput);
        assertThat(stated.over(12).mg()).isGreaterThan(stated.goalMg());
        assertThat(stated.sufficient()).isFalse();
        // the 6-balance bound is larger than the 12-balance one, per month
        assertThat(stated.over(6).mg()).isGreaterThan(stated.over(12).mg());
    }

    @Test
    void the_stated_mdd_is_detected_with_95_percent_in_a_monte_carlo_on_the_model_with_other_seeds() {
        double throughput = 100_000 * T;
        double sigma = sigmaOf(throughput, 400, LARGE_ASSAY_ERROR, 0.0005);
        MufMonitor.Detection stated = monitor.detection(PLANT, Basis.RARE_EARTHS,
                months(new SplittableRandom(1), throughput, sigma, 12, 99, 0)).orElseThrow();
        for (int n : List.of(6, 12)) {
            double mdd = stated.over(n).mg();
            SplittableRandom rnd = new SplittableRandom(77 + n);
            int runs = 3000;
            int caught = 0;
            for (int r = 0; r < runs; r++) {
                List<MaterialBalance> series = months(rnd, throughput, sigma, n, 0, mdd);
                // the reference as stated (it comes from throughput and sigma, not from MUF)
                MufMonitor.Sequence s = monitor.sequence(PLANT, Basis.RARE_EARTHS, series).orElseThrow();
                if (!s.tests().alarmed().isEmpty()) {
                    caught++;
                }
            }
            assertThat((double) caught / runs).as("detection of the %d-balance MDD", n).isCloseTo(0.95, within(0.015));
            // and the analytic bound of the cumulative test alone is above it, not far
            assertThat(stated.over(n).analyticMg()).isBetween(mdd, 1.5 * mdd);
        }
    }

    @Test
    void the_monte_carlo_mdd_does_not_depend_on_its_seed_beyond_a_few_percent() {
        BalanceTests tests = monitor.tests(Basis.RARE_EARTHS);
        for (double k : new double[] {0.1, 0.25, 1.0}) {
            double stated = tests.detectableShift(k, 12, 0.95);
            double other = tests.monteCarloShift(k, 12, 0.95, 4242, 10_000);
            assertThat(stated).isCloseTo(other, within(0.04 * other));
        }
    }

    @Test
    void honest_balances_give_false_alarms_near_the_set_rate_and_not_above_it() {
        // a budget of 5 a 100 facility-years, ten times the default, so that 4,000 facility-years show it
        BalanceTests tests = BalanceTests.forBudget(0.05);
        SplittableRandom rnd = new SplittableRandom(1985);
        int series = 400;
        int months = 120;
        int alarms = 0;
        int[] byTest = new int[3];
        for (int r = 0; r < series; r++) {
            double[] z = new double[months];
            double[] sigma = new double[months];
            for (int t = 0; t < months; t++) {
                z[t] = BalanceTests.gaussian(rnd);
                sigma[t] = 0.5 + 1.5 * rnd.nextDouble();
            }
            BalanceTests.Result result = tests.run(z, sigma, 0.25);
            alarms += result.alarmed().size();
            for (BalanceTests.Alarm a : result.alarms()) {
                byTest[a.test().startsWith("CUMUF") ? 2 : a.test().startsWith("Page SITMUF") ? 1 : 0]++;
            }
        }
        double years = series * months / 12.0;
        double rate = alarms / years;
        assertThat(rate).isLessThanOrEqualTo(0.05 * 1.1).isGreaterThan(0.05 * 0.4);
        // each Page test near its share by Siegmund; the cumulative tests below theirs (Bonferroni is conservative)
        double[] design = tests.rates();
        assertThat(byTest[0] / years).isCloseTo(design[0], within(0.4 * design[0]));
        assertThat(byTest[1] / years).isCloseTo(design[1], within(0.4 * design[1]));
        assertThat(byTest[2] / years).isLessThanOrEqualTo(1.2 * design[2]);
    }

    @Test
    void the_budget_of_each_alert_kind_is_shared_so_that_its_rates_add_up_to_it() {
        DetectionSettings d = DetectionSettings.DEFAULT;
        double[] total = monitor.tests(Basis.RARE_EARTHS).rates();
        assertThat(total[0] + total[1] + total[2]).isCloseTo(d.alarmsPerYear(), within(1e-9));
        double[] each = monitor.tests(Basis.of(org.reetrace.core.element.Element.Dy)).rates();
        double perBasis = each[0] + each[1] + each[2];
        assertThat(1 - Math.pow(1 - perBasis, Basis.WATCHED.size())).isCloseTo(d.alarmsPerYear(), within(1e-6));
    }

    @Test
    void the_reference_is_half_the_target_shift_within_its_bounds() {
        assertThat(BalanceTests.referenceFor(0.5)).isEqualTo(0.25);
        assertThat(BalanceTests.referenceFor(0.01)).isEqualTo(0.1);
        assertThat(BalanceTests.referenceFor(5)).isEqualTo(1.0);
    }

    @Test
    void the_normal_quantile_inverts_the_distribution_function() {
        assertThat(Distributions.normalQuantile(0.95)).isCloseTo(1.6449, within(1e-3));
        assertThat(Distributions.normalQuantile(1 - 1e-5)).isCloseTo(4.2649, within(2e-3));
        assertThat(Distributions.normalCdf(Distributions.normalQuantile(0.3))).isCloseTo(0.3, within(1e-6));
    }
}
