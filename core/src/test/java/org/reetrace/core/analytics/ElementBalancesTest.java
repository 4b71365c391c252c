package org.reetrace.core.analytics;

import java.time.YearMonth;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reetrace.core.composition.Composition;
import org.reetrace.core.element.Element;
import org.reetrace.core.lot.MaterialForm;
import org.reetrace.core.process.ProcessKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.reetrace.core.analytics.Books.KG;
import static org.reetrace.core.testing.RegistryFixture.AMANG_MINE;
import static org.reetrace.core.testing.RegistryFixture.SEPARATION_PLANT;

class ElementBalancesTest {

    /** 10 t of rare earths a month: La 6,000, Nd 3,600, Pr 200, Dy 150, Tb 50 kg. */
    private static final Map<Element, Long> FEED = Map.of(Element.La, 6_000L, Element.Nd, 3_600L, Element.Pr, 200L,
            Element.Dy, 150L, Element.Tb, 50L);

    private static Composition kg(Map<Element, Long> kg) {
        Map<Element, Long> mg = new EnumMap<>(Element.class);
        kg.forEach((e, v) -> mg.put(e, v * KG));
        return Composition.of(mg);
    }

    /**
     * A separation plant books a year of months, each losing the expected 2 % of every element; from July it also
     * takes a fifth of the Dy and Tb and declares it as process loss.
     */
    private static Books skimmedYear(MeasurementModel model) {
        Books b = new Books(Settings.of(model, Map.of()));
        for (int month = 1; month <= 12; month++) {
            String day = String.format("2026-%02d-", month);
            String con = "CON-" + month;
            b.extract(AMANG_MINE, con, MaterialForm.CONCENTRATE, 20_000, kg(FEED), day + "02T08:00:00Z");
            b.move(AMANG_MINE, SEPARATION_PLANT, con, 20_000, day + "03T08:00:00Z");
            Map<Element, Long> loss = new EnumMap<>(Element.class);
            Map<Element, Long> out = new EnumMap<>(Element.class);
            boolean skim = month >= 7;
            FEED.forEach((e, v) -> {
                long lost = v / 50 + (skim && (e == Element.Dy || e == Element.Tb) ? v / 5 : 0);
                loss.put(e, lost);
                out.put(e, v - lost);
            });
            b.transform(SEPARATION_PLANT, ProcessKind.SEPARATION, con, 20_000,
                    List.of(Books.out("OX-" + month, MaterialForm.SEPARATED_COMPOUND, 11_000, kg(out))), kg(loss),
                    day + "10T08:00:00Z");
        }
        b.later("2027-01-05T08:00:00Z");
        return b;
    }

    @Test
    void a_dy_and_tb_skim_declared_as_process_loss_raises_element_unaccounted_for_on_dy_and_tb_and_not_on_total() {
        Books b = skimmedYear(Settings.SIMPLE);

        List<Alert> alerts = b.analytics.alerts();

        assertThat(alerts).noneMatch(a -> a.kind() == AlertKind.MATERIAL_UNACCOUNTED_FOR);
        List<Alert> element = alerts.stream().filter(a -> a.kind() == AlertKind.ELEMENT_UNACCOUNTED_FOR).toList();
        assertThat(element).isNotEmpty();
        assertThat(element).allMatch(a -> a.subject().equals(SEPARATION_PLANT.value())
                && !a.period().isBefore(YearMonth.of(2026, 7)));
        Alert first = element.getFirst();
        assertThat(first.period()).isEqualTo(YearMonth.of(2026, 7));
        assertThat(first.figures().get("elements")).contains("Dy").contains("Tb").doesNotContain("Nd+Pr");
        // its figures: Dy's MUF is the expected 3 kg and the 30 kg skimmed
        assertThat(first.figures().get("Dy MUF kg")).isEqualTo("33.000");
        assertThat(first.figures().get("Dy expected loss kg")).isEqualTo("3.000");
        assertThat(first.figures()).containsKeys("Dy sigma-MUF kg", "Dy alarmed by", "Tb MUF kg");
        assertThat(first.message()).contains("Dy").contains("Tb").contains("unaccounted for");
        assertThat(first.events()).isNotEmpty();
        // the honest half-year raised nothing on any element
        assertThat(alerts).noneMatch(a -> a.period().isBefore(YearMonth.of(2026, 7))
                && (a.kind() == AlertKind.ELEMENT_UNACCOUNTED_FOR || a.kind() == AlertKind.MATERIAL_UNACCOUNTED_FOR));
    }

    @Test
    void a_group_balance_sums_its_elements_and_its_sigma_comes_from_the_model() {
        Books b = skimmedYear(Settings.SIMPLE);
        MaterialBalance ndPr = b.analytics.balances().balance(SEPARATION_PLANT, YearMonth.of(2026, 3), Basis.ND_PR)
                .orElseThrow();
        assertThat(ndPr.throughputMg()).isEqualTo(3_800 * KG);
        assertThat(ndPr.mufMg()).isEqualTo(76 * KG);
        assertThat(ndPr.expectedLossMg()).isEqualTo(76.0 * KG);
        // concentrate grade 1 % and calibration 2 % on 3,800 kg; oxide grade 0.5 % on 3,724 kg; loss-rate spread 0.5 %
        double sigma = Math.sqrt(Math.pow(0.01 * 3_800, 2) + Math.pow(0.02 * 3_800, 2) + Math.pow(0.005 * 3_724, 2)
                + Math.pow(0.005 * 3_800, 2)) * KG;
        assertThat(ndPr.sigmaMufMg()).isCloseTo(sigma, org.assertj.core.api.Assertions.within(1.0));
    }

    @Test
    void sigma_is_never_zero_on_any_basis_the_floor_of_the_model_holds_where_nothing_modelled_entered() {
        Books b = skimmedYear(Settings.exact());
        for (Basis basis : List.of(Basis.RARE_EARTHS, Basis.ND_PR, Basis.HEAVY, Basis.of(Element.Tb),
                Basis.of(Element.Th))) {
            MaterialBalance m = b.analytics.balances().balance(SEPARATION_PLANT, YearMonth.of(2026, 8), basis)
                    .orElseThrow();
            // only the loss-rate spread is modelled here; on Th not even that: the floor binds
            assertThat(m.sigmaMufMg()).isPositive()
                    .isGreaterThanOrEqualTo(MeasurementModel.SigmaFloor.DEFAULT.of(m.beginningMg(), m.receiptsMg(),
                            m.shipmentsMg(), m.endingMg(), m.throughputMg()));
            assertThat(Double.isFinite(m.standardisedMuf())).isTrue();
        }
        MaterialBalance th = b.analytics.balances().balance(SEPARATION_PLANT, YearMonth.of(2026, 8),
                Basis.of(Element.Th)).orElseThrow();
        assertThat(th.sigmaMufMg()).isEqualTo(MeasurementModel.SigmaFloor.DEFAULT.absoluteMg());
    }

    @Test
    void every_watched_basis_states_its_minimum_detectable_diversion() {
        Books b = skimmedYear(Settings.SIMPLE);
        MufMonitor monitor = b.analytics.mufMonitor();
        for (Basis basis : Basis.WATCHED.subList(0, 4)) {
            MufMonitor.Detection d = monitor.detection(b.analytics.balances(), SEPARATION_PLANT, basis,
                    YearMonth.of(2027, 1)).orElseThrow();
            assertThat(d.balances()).isEqualTo(12);
            assertThat(d.over(6).mg()).isGreaterThan(d.over(12).mg()).isPositive();
        }
        assertThat(monitor.detection(b.analytics.balances(), SEPARATION_PLANT, Basis.of(Element.Th),
                YearMonth.of(2027, 1))).isInstanceOf(Outcome.NoData.class);
    }
}
