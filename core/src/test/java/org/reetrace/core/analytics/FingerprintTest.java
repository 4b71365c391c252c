package org.reetrace.core.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reetrace.core.composition.Composition;
import org.reetrace.core.element.Element;
import org.reetrace.core.registry.FacilityId;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FingerprintTest {

    private static final FacilityId MINE = FacilityId.of("mine-1");

    @Test
    void clr_of_1_2_4_is_minus_ln2_0_ln2() {
        double[] c = LogRatio.clr(new double[] {1, 2, 4});

        assertThat(c[0]).isCloseTo(-Math.log(2), within(1e-12));
        assertThat(c[1]).isCloseTo(0, within(1e-12));
        assertThat(c[2]).isCloseTo(Math.log(2), within(1e-12));
    }

    @Test
    void clr_ignores_how_rich_the_lot_is() {
        assertThat(LogRatio.clr(new double[] {3, 5, 7})).containsExactly(LogRatio.clr(new double[] {30, 50, 70}),
                within(1e-12));
    }

    /**
     * Three elements, La, Ce, Nd: with u = ln(La/La_CI) - ln(Nd/Nd_CI) and v the same for Ce, the coordinates are
     * an invertible linear map of (u, v), so the Mahalanobis distance can be worked out in (u, v). History: (+-1,
     * 0) twice each and (0, +-1) twice each: mean 0, covariance diag(4/7, 4/7). A lot at (1, 1) has
     * D^2 = 7/4 + 7/4 = 3.5.
     */
    @Test
    void mahalanobis_distance_of_a_lot_from_a_tiny_signature_is_worked_out_by_hand() {
        List<Composition> history = new ArrayList<>();
        for (int rep = 0; rep < 2; rep++) {
            history.add(lot(1, 0));
            history.add(lot(-1, 0));
            history.add(lot(0, 1));
            history.add(lot(0, -1));
        }
        MineSignature s = MineSignature.of(MINE, history).orElseThrow();

        assertThat(s.elements()).containsExactly(Element.La, Element.Ce, Element.Nd);
        assertThat(s.distanceSquared(lot(1, 1))).isCloseTo(3.5, within(1e-6));
        assertThat(s.distanceSquared(lot(0, 0))).isCloseTo(0, within(1e-9));
    }

    @Test
    void the_critical_distance_comes_from_the_f_distribution_of_hotellings_statistic() {
        List<Composition> history = new ArrayList<>();
        for (int rep = 0; rep < 2; rep++) {
            history.add(lot(1, 0));
            history.add(lot(-1, 0));
            history.add(lot(0, 1));
            history.add(lot(0, -1));
        }
        MineSignature s = MineSignature.of(MINE, history).orElseThrow();

        // F(2, 6) at 0.95 is 5.1433 (tables); scale n(n-p)/(p(n+1)(n-1)) = 48/126
        assertThat(Distributions.fQuantile(0.95, 2, 6)).isCloseTo(5.1433, within(1e-3));
        FingerprintResult near = s.test(lot(1, 1), 0.05);
        FingerprintResult far = s.test(lot(3, -3), 0.05);

        assertThat(near.criticalDistanceSquared()).isCloseTo(5.1433 * 126 / 48, within(1e-2));
        assertThat(near.flagged()).isFalse();
        assertThat(far.distanceSquared()).isCloseTo(31.5, within(1e-5));
        assertThat(far.flagged()).isTrue();
        assertThat(far.pValue()).isLessThan(0.05);
    }

    @Test
    void a_history_too_short_for_a_covariance_gives_no_signature_and_says_why() {
        Outcome<MineSignature> s = MineSignature.of(MINE, List.of(lot(0, 0), lot(1, 0)));

        assertThat(s).isInstanceOf(Outcome.NoData.class);
        assertThat(((Outcome.NoData<MineSignature>) s).reason()).contains("2 lots").contains("at least 7");
    }

    /** La, Ce, Nd masses whose chondrite-normalised log-ratios against Nd are (u, v). */
    private static Composition lot(double u, double v) {
        double scale = 1e9;
        return Composition.of(Map.of(
                Element.La, Math.round(scale * ChondriteNormalisation.ppm(Element.La) * Math.exp(u)),
                Element.Ce, Math.round(scale * ChondriteNormalisation.ppm(Element.Ce) * Math.exp(v)),
                Element.Nd, Math.round(scale * ChondriteNormalisation.ppm(Element.Nd))));
    }
}
