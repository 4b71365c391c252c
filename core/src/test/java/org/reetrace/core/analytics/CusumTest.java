package org.reetrace.core.analytics;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CusumTest {

    @Test
    void a_step_of_two_sigma_crosses_h_4_at_the_third_month_after_the_step_with_k_half() {
        // S: 0, 0, 0, 1.5, 3.0, 4.5 > 4 -> alarm at index 5, then restart
        Cusum.Path p = new Cusum(0.5, 4).run(new double[] {0, 0, 0, 2, 2, 2, 0});

        assertThat(p.at(3)).isCloseTo(1.5, within(1e-12));
        assertThat(p.at(4)).isCloseTo(3.0, within(1e-12));
        assertThat(p.alarms()).containsExactly(5);
        assertThat(p.at(6)).isZero();
    }

    @Test
    void negative_months_do_not_build_credit_below_zero() {
        Cusum.Path p = new Cusum(0.5, 4).run(new double[] {-5, -5, 3, 2});

        assertThat(p.at(1)).isZero();
        assertThat(p.at(2)).isCloseTo(2.5, within(1e-12));
        assertThat(p.at(3)).isCloseTo(4.0, within(1e-12));
        assertThat(p.alarms()).isEmpty();
    }

    @Test
    void siegmunds_approximation_gives_the_textbook_run_length_for_k_half_h_four() {
        // k = 0.5, h = 4: in-control ARL about 336 months (Montgomery, Introduction to SQC, table 9.x)
        assertThat(Cusum.averageRunLength(0.5, 4, 0)).isCloseTo(336, within(8.0));
        // and about 8.4 under a one-sigma shift
        assertThat(Cusum.averageRunLength(0.5, 4, 1)).isCloseTo(8.4, within(0.4));
    }

    @Test
    void the_threshold_for_one_false_alarm_per_100_years_of_monthly_balances_has_that_run_length() {
        Cusum c = Cusum.forFalseAlarmRate(1.0, 0.01, 12);

        assertThat(c.inControlRunLength()).isCloseTo(1200, within(1e-6));
        assertThat(c.threshold()).isBetween(2.5, 3.0);
    }

    @Test
    void simulated_in_control_run_lengths_match_the_design_within_a_tenth() {
        Cusum c = Cusum.forInControlRunLength(0.5, 200);
        SplittableRandom rnd = new SplittableRandom(1954);
        int runs = 2_000;
        long total = 0;
        for (int r = 0; r < runs; r++) {
            double s = 0;
            int t = 0;
            while (true) {
                t++;
                s = Math.max(0, s + gaussian(rnd) - c.reference());
                if (s > c.threshold()) {
                    break;
                }
            }
            total += t;
        }
        assertThat((double) total / runs).isCloseTo(200, within(20.0));
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
