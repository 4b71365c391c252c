package org.reetrace.core.analytics;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.reetrace.core.composition.Composition;
import org.reetrace.core.element.Element;
import org.reetrace.core.lot.MaterialForm;
import org.reetrace.core.process.ProcessKind;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.reetrace.core.analytics.Books.KG;
import static org.reetrace.core.testing.RegistryFixture.AMANG_MINE;
import static org.reetrace.core.testing.RegistryFixture.PORT;
import static org.reetrace.core.testing.RegistryFixture.SEPARATION_PLANT;

class MaterialBalanceBookTest {

    /**
     * 1,000 kg of rare earths (La 600, Nd 400) arrive as concentrate and are separated into 970 kg of oxide
     * elements, 30 kg declared lost. By hand, on the REE basis (kg):
     * MUF = 0 + 1000 - 0 - 970 = 30; expected loss 2 % of 1000 = 20;
     * sigma^2 = (1 % x 1000)^2 [concentrate grade] + (0.5 % x 970)^2 [oxide grade] + (2 % x 1000)^2 [concentrate
     * calibration] + (0.5 % x 1000)^2 [loss-rate spread] = 100 + 23.5225 + 400 + 25 = 548.5225.
     */
    private Books separatedMonth() {
        Books b = new Books(Settings.of(Settings.SIMPLE, Map.of()));
        Composition feed = Books.kg(Element.La, 600, Element.Nd, 400);
        b.extract(AMANG_MINE, "CON-1", MaterialForm.CONCENTRATE, 2_000, feed, "2026-03-02T08:00:00Z");
        b.move(AMANG_MINE, SEPARATION_PLANT, "CON-1", 2_000, "2026-03-03T08:00:00Z");
        b.transform(SEPARATION_PLANT, ProcessKind.SEPARATION, "CON-1", 2_000,
                List.of(Books.out("OX-1", MaterialForm.SEPARATED_COMPOUND, 1_140, Books.kg(Element.La, 582, Element.Nd, 388))),
                Books.kg(Element.La, 18, Element.Nd, 12), "2026-03-10T08:00:00Z");
        return b;
    }

    @Test
    void a_reversal_in_a_later_month_is_booked_there_as_a_correction_and_leaves_muf_at_zero() {
        Books b = new Books(Settings.of(Settings.SIMPLE, Map.of()));
        Composition feed = Books.kg(Element.La, 600, Element.Nd, 400);
        var wrong = b.apply(new org.reetrace.core.event.Extract(b.id(), Books.at("2026-03-02T08:00:00Z"), AMANG_MINE,
                org.reetrace.core.lot.LotId.of("CON-X"), MaterialForm.CONCENTRATE,
                org.reetrace.core.composition.Mass.ofKilograms(2_000), feed, null));
        b.apply(new org.reetrace.core.event.Reverse(b.id(), Books.at("2026-04-01T08:00:00Z"), AMANG_MINE,
                wrong.event().id(), "booked twice"));

        MaterialBalance march = b.analytics.balances().balance(AMANG_MINE, YearMonth.of(2026, 3), Basis.RARE_EARTHS)
                .orElseThrow();
        MaterialBalance april = b.analytics.balances().balance(AMANG_MINE, YearMonth.of(2026, 4), Basis.RARE_EARTHS)
                .orElseThrow();
        // the closed month keeps what was booked then; the reversal's month takes the receipt back
        assertThat(march.endingMg()).isEqualTo(1_000 * KG);
        assertThat(april.beginningMg()).isEqualTo(1_000 * KG);
        assertThat(april.receiptsMg()).isEqualTo(-1_000 * KG);
        assertThat(april.adjustedMg()).isZero();
        assertThat(april.endingMg()).isZero();
        assertThat(april.mufMg()).isZero();
    }

    @Test
    void a_reversed_transformation_takes_its_muf_back_in_the_month_of_the_reversal() {
        Books b = separatedMonth();
        b.apply(new org.reetrace.core.event.Reverse(b.id(), Books.at("2026-04-02T08:00:00Z"), SEPARATION_PLANT,
                org.reetrace.core.event.EventId.of("ev-4"), "wrong process recorded"));

        MaterialBalance march = b.analytics.balances().balance(SEPARATION_PLANT, YearMonth.of(2026, 3),
                Basis.RARE_EARTHS).orElseThrow();
        MaterialBalance april = b.analytics.balances().balance(SEPARATION_PLANT, YearMonth.of(2026, 4),
                Basis.RARE_EARTHS).orElseThrow();
        assertThat(march.mufMg()).isEqualTo(30 * KG);
        assertThat(april.mufMg()).isEqualTo(-30 * KG);
        assertThat(april.endingMg()).isEqualTo(1_000 * KG);
    }

    @Test
    void muf_of_a_separation_month_is_receipts_less_ending_inventory() {
        MaterialBalance m = separatedMonth().analytics.balances()
                .balance(SEPARATION_PLANT, YearMonth.of(2026, 3), Basis.RARE_EARTHS).orElseThrow();

        assertThat(m.beginningMg()).isZero();
        assertThat(m.receiptsMg()).isEqualTo(1_000 * KG);
        assertThat(m.endingMg()).isEqualTo(970 * KG);
        assertThat(m.mufMg()).isEqualTo(30 * KG);
        assertThat(m.declaredLossMg()).isEqualTo(30 * KG);
        assertThat(m.throughputMg()).isEqualTo(1_000 * KG);
        assertThat(m.expectedLossMg()).isCloseTo(20.0 * KG, within(1.0));
    }

    @Test
    void sigma_muf_adds_the_random_and_systematic_errors_of_what_went_in_and_came_out_and_the_loss_spread() {
        MaterialBalance m = separatedMonth().analytics.balances()
                .balance(SEPARATION_PLANT, YearMonth.of(2026, 3), Basis.RARE_EARTHS).orElseThrow();

        assertThat(m.sigmaMufMg() / KG).isCloseTo(Math.sqrt(548.5225), within(1e-6));
        assertThat(m.standardisedMuf()).isCloseTo(10 / Math.sqrt(548.5225), within(1e-6));
    }

    @Test
    void an_element_balance_uses_that_elements_masses_only() {
        // La: sigma^2 = (1 % x 600)^2 + (0.5 % x 582)^2 + (2 % x 600)^2 + (0.5 % x 600)^2 = 36 + 8.4681 + 144 + 9
        MaterialBalance la = separatedMonth().analytics.balances()
                .balance(SEPARATION_PLANT, YearMonth.of(2026, 3), Basis.of(Element.La)).orElseThrow();

        assertThat(la.mufMg()).isEqualTo(18 * KG);
        assertThat(la.expectedLossMg()).isCloseTo(12.0 * KG, within(1.0));
        assertThat(la.sigmaMufMg() / KG).isCloseTo(Math.sqrt(197.4681), within(1e-6));
    }

    @Test
    void a_lot_that_only_passes_through_leaves_the_balance_at_zero_with_only_the_floor_of_uncertainty() {
        Books b = separatedMonth();
        b.move(SEPARATION_PLANT, PORT, "OX-1", 1_140, "2026-03-20T08:00:00Z");

        MaterialBalance port = b.analytics.balances().balance(PORT, YearMonth.of(2026, 3), Basis.RARE_EARTHS).orElseThrow();
        MaterialBalance plant = b.analytics.balances()
                .balance(SEPARATION_PLANT, YearMonth.of(2026, 3), Basis.RARE_EARTHS).orElseThrow();

        assertThat(port.mufMg()).isZero();
        // nothing measured enters the port's MUF: sigma is the floor of its receipt and inventory, never zero
        assertThat(port.sigmaMufMg()).isEqualTo(MeasurementModel.SigmaFloor.DEFAULT.of(port.beginningMg(),
                port.receiptsMg(), port.shipmentsMg(), port.endingMg(), port.throughputMg()));
        assertThat(port.sigmaMufMg()).isGreaterThan(1e6);
        assertThat(port.standardisedMuf()).isZero();
        assertThat(plant.shipmentsMg()).isEqualTo(970 * KG);
        assertThat(plant.endingMg()).isZero();
        assertThat(plant.mufMg()).isEqualTo(30 * KG);
    }

    @Test
    void a_balance_with_no_declared_uncertainty_still_has_a_finite_standardised_muf_and_cusum() {
        // every form exact and no process run: nothing in the model gives the port's month any uncertainty
        Books b = new Books(Settings.of(Settings.exact(), Map.of()));
        b.extract(AMANG_MINE, "CON-1", MaterialForm.CONCENTRATE, 2_000, Books.kg(Element.La, 600, Element.Nd, 400),
                "2026-03-02T08:00:00Z");
        b.move(AMANG_MINE, PORT, "CON-1", 2_000, "2026-03-03T08:00:00Z");
        // a re-assay finds 20 kg less lanthanum: an adjustment the model gives no error
        b.apply(new org.reetrace.core.event.Assay(b.id(), Books.at("2026-03-05T08:00:00Z"), PORT,
                org.reetrace.core.lot.LotId.of("CON-1"), Books.kg(Element.La, 580, Element.Nd, 400), null));

        MaterialBalance port = b.analytics.balances().balance(PORT, YearMonth.of(2026, 3), Basis.RARE_EARTHS)
                .orElseThrow();
        assertThat(port.mufMg()).isEqualTo(20 * KG);
        assertThat(port.sigmaMufMg()).isEqualTo(MeasurementModel.SigmaFloor.DEFAULT.of(0, 1_000 * KG, 0, 980 * KG, 0));
        assertThat(port.standardisedMuf()).isFinite().isCloseTo(20 / Math.sqrt(1 + 1 + 0.98 * 0.98), within(1e-6));

        MufMonitor.Sequence seq = ((Outcome.Measured<MufMonitor.Sequence>) b.analytics.mufMonitor()
                .sequence(b.analytics.balances(), PORT)).value();
        assertThat(seq.path().at(0)).isFinite().isPositive();
        assertThat(b.analytics.alerts()).filteredOn(a -> a.kind() == AlertKind.MATERIAL_UNACCOUNTED_FOR)
                .allSatisfy(a -> {
                    assertThat(Double.parseDouble(a.figures().get("CUSUM"))).isFinite();
                    assertThat(Double.parseDouble(a.figures().get("standardised MUF"))).isFinite();
                });
    }

    @Test
    void a_month_without_events_has_no_balance_rather_than_a_zero_one() {
        Outcome<MaterialBalance> april = separatedMonth().analytics.balances()
                .balance(SEPARATION_PLANT, YearMonth.of(2026, 4), Basis.RARE_EARTHS);

        assertThat(april).isInstanceOf(Outcome.NoData.class);
        assertThat(((Outcome.NoData<MaterialBalance>) april).reason()).contains("fac-my-ph-sep-01").contains("2026-04");
    }

    @Test
    void the_next_months_beginning_inventory_is_this_months_ending_inventory() {
        Books b = separatedMonth();
        b.move(SEPARATION_PLANT, PORT, "OX-1", 1_140, "2026-04-05T08:00:00Z");

        MaterialBalance april = b.analytics.balances()
                .balance(SEPARATION_PLANT, YearMonth.of(2026, 4), Basis.RARE_EARTHS).orElseThrow();

        assertThat(april.beginningMg()).isEqualTo(970 * KG);
        assertThat(april.shipmentsMg()).isEqualTo(970 * KG);
        assertThat(april.mufMg()).isZero();
        assertThat(april.throughputMg()).isZero();
    }
}
