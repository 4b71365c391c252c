package org.reetrace.sim;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import org.reetrace.core.element.Element;
import org.reetrace.core.event.Assay;
import org.reetrace.core.event.Dispose;
import org.reetrace.core.event.Export;
import org.reetrace.core.event.Import;
import org.reetrace.core.event.LedgerEvent;
import org.reetrace.core.event.Receive;
import org.reetrace.core.event.Ship;
import org.reetrace.core.event.Transform;
import org.reetrace.core.ledger.Invariants;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.lot.LotStatus;
import org.reetrace.core.process.ProcessKind;
import org.reetrace.sim.fraud.GroundTruth;
import org.reetrace.sim.scenario.FraudSpec;
import org.reetrace.sim.scenario.FraudType;
import org.reetrace.sim.scenario.Scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * Each of the frauds that hide within measurement error or outside the balances, injected alone into 16 months
 * of the Malaysia chain (they start in the 13th) and compared with the clean run of the same seed, which differs
 * only where the fraud acts.
 */
class NewFraudsTest {

    private static final Scenario MALAYSIA = Scenario.malaysia().withMonths(16);
    private static final long SEED = 5;

    /** A run's events, its ground truth and its ledger. */
    private record Booked(List<LedgerEvent> events, List<GroundTruth> truth, LedgerSink sink) {
        <T extends LedgerEvent> List<T> all(Class<T> type, Predicate<T> which) {
            return events.stream().filter(type::isInstance).map(type::cast).filter(which).toList();
        }

        Lot lot(String id) {
            return sink.ledger().lot(LotId.of(id)).orElseThrow();
        }

        List<GroundTruth> truth(FraudType type) {
            return truth.stream().filter(g -> g.type() == type).toList();
        }
    }

    private static Booked run(Scenario s) {
        List<LedgerEvent> events = new ArrayList<>();
        LedgerSink sink = new LedgerSink(new ScenarioRegistry(s));
        SimulationResult r = Simulation.run(s, SEED, sink.andThen(events::add));
        assertThat(Invariants.check(sink.ledger().lots(), sink.ledger().balance())).isEmpty();
        return new Booked(events, r.groundTruth(), sink);
    }

    private static Scenario only(FraudType type) {
        List<FraudSpec> one = MALAYSIA.frauds().stream().filter(f -> f.type() == type).toList();
        assertThat(one).hasSize(1);
        return MALAYSIA.withFrauds(one);
    }

    private static YearMonth month(LedgerEvent e) {
        return YearMonth.from(e.time().atOffset(ZoneOffset.UTC));
    }

    @Test
    void every_new_fraud_class_has_the_alert_kinds_that_detect_it() {
        for (FraudType t : List.of(FraudType.SLOW_DIVERSION, FraudType.ELEMENT_SKIM, FraudType.LOST_IN_TRANSIT,
                FraudType.TRANSIT_SKIM, FraudType.ROUND_TRIP, FraudType.RESIDUE_DILUTION, FraudType.LOOKALIKE_BLEND)) {
            assertThat(t.alertKinds()).as(t.label()).isNotEmpty();
        }
    }

    @Test
    void a_slow_diversion_at_an_isl_mine_takes_half_a_percent_of_what_it_leaches_each_month() {
        Booked fraud = run(only(FraudType.SLOW_DIVERSION));
        Booked clean = run(MALAYSIA.clean());
        Predicate<Transform> leaching = t -> t.facility().value().equals("MY-PHG-ISL-01")
                && t.process() == ProcessKind.LEACHING && month(t).equals(YearMonth.of(2027, 2));

        assertThat(fraud.truth(FraudType.SLOW_DIVERSION)).extracting(GroundTruth::subject).containsOnly("MY-PHG-ISL-01");
        assertThat(fraud.truth(FraudType.SLOW_DIVERSION)).hasSize(4);
        double ratio = (double) out(fraud.all(Transform.class, leaching)) / out(clean.all(Transform.class, leaching));
        assertThat(ratio).isCloseTo(0.995, within(0.0005));
    }

    @Test
    void an_element_skim_takes_dysprosium_and_terbium_at_separation_and_declares_them_lost() {
        Booked fraud = run(only(FraudType.ELEMENT_SKIM));
        Booked clean = run(MALAYSIA.clean());
        Predicate<Transform> separation = t -> t.facility().value().equals("MY-PHG-SEP-01")
                && t.process() == ProcessKind.SEPARATION && month(t).equals(YearMonth.of(2027, 1));

        GroundTruth g = fraud.truth(FraudType.ELEMENT_SKIM).getFirst();
        assertThat(g.subject()).isEqualTo("MY-PHG-SEP-01");
        long moreLost = 0;
        for (Element e : List.of(Element.Dy, Element.Tb)) {
            moreLost += fraud.all(Transform.class, separation).getFirst().declaredLoss().get(e)
                    - clean.all(Transform.class, separation).getFirst().declaredLoss().get(e);
        }
        assertThat(moreLost / 1e6).isCloseTo(g.quantityKg(), within(g.quantityKg() * 0.05));
        long ndprMoreLost = fraud.all(Transform.class, separation).getFirst().declaredLoss().get(Element.Nd)
                - clean.all(Transform.class, separation).getFirst().declaredLoss().get(Element.Nd);
        assertThat(ndprMoreLost).isZero();
    }

    @Test
    void a_lot_lost_in_transit_is_shipped_and_never_received() {
        Booked fraud = run(only(FraudType.LOST_IN_TRANSIT));

        List<GroundTruth> lost = fraud.truth(FraudType.LOST_IN_TRANSIT);
        assertThat(lost).hasSize(3); // one a month, 2027-02 to 2027-04
        for (GroundTruth g : lost) {
            assertThat(fraud.all(Ship.class, s -> s.lot().value().equals(g.subject()))).hasSize(1)
                    .allSatisfy(s -> assertThat(s.id().value()).isEqualTo(g.event()));
            assertThat(fraud.all(Receive.class, r -> r.lot().value().equals(g.subject()))).isEmpty();
            assertThat(fraud.lot(g.subject()).status()).isEqualTo(LotStatus.IN_TRANSIT);
            assertThat(g.subject()).startsWith("MY-KDH-ISL-01/");
        }
    }

    @Test
    void a_transit_skim_delivers_half_a_percent_less_than_was_shipped() {
        Booked fraud = run(only(FraudType.TRANSIT_SKIM));
        Booked clean = run(MALAYSIA.clean());
        Predicate<Receive> fromKenering = r -> r.lot().value().startsWith("MY-PRK-ISL-01/2027-02/");

        assertThat(fraud.truth(FraudType.TRANSIT_SKIM)).isNotEmpty()
                .allSatisfy(g -> assertThat(g.subject()).isEqualTo("MY-PRK-ISL-01"));
        double ratio = (double) received(fraud.all(Receive.class, fromKenering))
                / received(clean.all(Receive.class, fromKenering));
        assertThat(ratio).isCloseTo(0.995, within(0.001));
    }

    @Test
    void a_round_trip_exports_separated_product_to_a_neighbour_and_imports_it_back_the_next_month() {
        Booked fraud = run(only(FraudType.ROUND_TRIP));

        List<GroundTruth> trips = fraud.truth(FraudType.ROUND_TRIP);
        assertThat(trips).hasSize(3); // exported 2027-01 to 2027-03, back a month later
        List<Export> toThailand = fraud.all(Export.class, x -> x.declaration().country().alpha2().equals("TH"));
        assertThat(toThailand).hasSize(4);
        for (GroundTruth g : trips) {
            Import back = fraud.all(Import.class, i -> i.id().value().equals(g.event())).getFirst();
            assertThat(back.facility().value()).isEqualTo("MY-PNG-PRT-01");
            assertThat(back.originCountry().alpha2()).isEqualTo("TH");
            assertThat(back.lot().value()).isEqualTo(g.subject());
            Export out = toThailand.stream().filter(x -> month(x).plusMonths(1).equals(month(back))).findFirst().orElseThrow();
            double sent = fraud.lot(out.lot().value()).mass().mg();
            assertThat(back.mass().mg() / sent).isCloseTo(1.0, within(0.005));
        }
    }

    @Test
    void a_diluted_residue_is_booked_at_a_hundred_times_its_mass_with_the_same_thorium_and_uranium() {
        Booked fraud = run(only(FraudType.RESIDUE_DILUTION));
        Booked clean = run(MALAYSIA.clean());

        List<GroundTruth> diluted = fraud.truth(FraudType.RESIDUE_DILUTION);
        assertThat(diluted).hasSize(4);
        for (GroundTruth g : diluted) {
            Lot paper = fraud.lot(g.subject());
            Lot honest = clean.lot(g.subject());
            assertThat((double) paper.mass().mg() / made(clean, g.subject()).mass().mg()).isCloseTo(100, within(0.001));
            assertThat(made(fraud, g.subject()).mass()).isEqualTo(paper.mass());
            assertThat(paper.status()).isEqualTo(LotStatus.ACTIVE);
            assertThat(paper.facility().value()).isEqualTo("MY-PHG-SEP-01");
            // as made: the honest lot was weighed again on arrival at the disposal facility, the diluted one never left
            assertThat(paper.composition().get(Element.Th)).isEqualTo(made(clean, g.subject()).composition().get(Element.Th))
                    .isPositive();
            assertThat(paper.composition().get(Element.U)).isEqualTo(made(clean, g.subject()).composition().get(Element.U));
            assertThat(honest.status()).isEqualTo(LotStatus.DISPOSED);
            BigDecimal declared = fraud.all(Assay.class, a -> a.lot().value().equals(g.subject())).getFirst().activity();
            assertThat(declared).isLessThan(BigDecimal.ONE);
            assertThat(clean.all(Assay.class, a -> a.lot().value().equals(g.subject())).getFirst().activity())
                    .isGreaterThan(BigDecimal.ONE);
            assertThat(fraud.all(Dispose.class, d -> d.lot().value().equals(g.subject()))).isEmpty();
            assertThat(fraud.all(Ship.class, s -> s.lot().value().equals(g.subject()))).isEmpty();
        }
    }

    @Test
    void lookalike_ore_is_blended_into_the_mines_own_and_booked_as_extracted_there() {
        Booked fraud = run(only(FraudType.LOOKALIKE_BLEND));

        List<GroundTruth> blended = fraud.truth(FraudType.LOOKALIKE_BLEND);
        assertThat(blended).hasSize(8); // two lots a month
        assertThat(blended).allSatisfy(g -> {
            assertThat(g.subject()).startsWith("MY-PHG-ISL-01/");
            assertThat(g.note()).contains("raub-clay");
            assertThat(fraud.events().stream().filter(e -> e.id().value().equals(g.event())).findFirst().orElseThrow())
                    .isInstanceOf(org.reetrace.core.event.Extract.class);
        });
    }

    /** The output of the transformation that made the lot, as booked then. */
    private static Transform.Output made(Booked b, String lot) {
        return b.all(Transform.class, t -> true).stream().flatMap(t -> t.outputs().stream())
                .filter(o -> o.lot().value().equals(lot)).findFirst().orElseThrow();
    }

    private static long out(List<Transform> ts) {
        long s = 0;
        for (Transform t : ts) {
            for (Transform.Output o : t.outputs()) {
                for (Element e : Element.values()) {
                    if (e.isRareEarth()) {
                        s += o.composition().get(e);
                    }
                }
            }
        }
        return s;
    }

    private static long received(List<Receive> rs) {
        return rs.stream().mapToLong(r -> r.receivedMass().mg()).sum();
    }
}
