package org.reetrace.sim.port;

import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.reetrace.core.event.CustomsDeclaration;
import org.reetrace.core.event.EventId;
import org.reetrace.core.event.Export;
import org.reetrace.core.event.Import;
import org.reetrace.core.lot.MaterialForm;
import org.reetrace.core.pedigree.Stage;
import org.reetrace.core.pedigree.StageKind;
import org.reetrace.core.registry.CountryCode;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.sim.fraud.GroundTruth;
import org.reetrace.sim.scenario.FraudSpec;
import org.reetrace.sim.scenario.FraudType;
import org.reetrace.sim.scenario.Product;
import org.reetrace.sim.scenario.Scenario;
import org.reetrace.sim.world.SimLot;
import org.reetrace.sim.world.World;

/**
 * A port: exports every lot it received this month to a foreign buyer of that product (chosen by the scenario's
 * weights), under a customs declaration with the product's HS code, and lets the buyer's country record the
 * arrival in its import statistics. Frauds acted here: under-declared export mass (the container holds more than
 * the lot booked), the export of a sham oxide, and separated product sent to a neighbour and imported back as
 * its product a month later (round trip).
 */
public final class PortActor {

    private final Scenario.SiteSpec spec;
    private final FacilityId id;
    /** Lots sent abroad last month on a round trip, with the export event each left under. */
    private List<Abroad> abroad = List.of();

    private record Abroad(SimLot lot, EventId export) {
    }

    public PortActor(Scenario.SiteSpec spec) {
        this.spec = spec;
        this.id = FacilityId.of(spec.id());
    }

    public void export(World w) {
        SplittableRandom r = w.random("port/" + spec.id());
        FraudSpec under = w.fraud(FraudType.UNDER_DECLARED_EXPORT, spec.id());
        FraudSpec trip = w.fraud(FraudType.ROUND_TRIP, spec.id());
        List<SimLot> leaving = new ArrayList<>();
        if (trip != null) {
            for (SimLot l : w.held(id)) {
                if (l.product.form() == MaterialForm.SEPARATED_COMPOUND && l.product != Product.SHAM_OXIDE
                        && leaving.size() < (int) trip.amount()) {
                    leaving.add(l);
                }
            }
        }
        reimport(w);
        List<Abroad> sent = new ArrayList<>();
        int n = 0;
        for (SimLot lot : new ArrayList<>(w.held(id))) {
            String buyer;
            CountryCode country;
            if (leaving.contains(lot)) {
                buyer = trip.country().alpha2() + " Rare Earth Trading Pte";
                country = trip.country();
            } else if (lot.product == Product.SHAM_OXIDE) {
                FraudSpec sham = w.scenario.frauds().stream().filter(f -> f.type() == FraudType.MISDECLARED_EXPORT)
                        .findFirst().orElseThrow();
                buyer = "Shenzhen Mixed Rare Earth Trading Co";
                country = sham.country();
            } else {
                Scenario.BuyerSpec b = buyer(w.scenario.buyers(), lot.product, r);
                buyer = b.name();
                country = b.country();
            }
            String number = "K2-" + w.month() + "-" + spec.id() + "-" + (++n);
            CustomsDeclaration d = new CustomsDeclaration(number, lot.product.hsCode(), "EXP-" + spec.id(), buyer, country);
            EventId ev = w.emit(e -> new Export(e, w.time(), id, lot.id, d));
            w.held(id).remove(lot);
            double physicalMg = lot.trueMass;
            if (under != null && country.equals(under.country())) {
                double extra = lot.trueMass * under.amount();
                physicalMg += extra;
                w.truth(new GroundTruth(FraudType.UNDER_DECLARED_EXPORT, country.alpha2(), w.month(), ev.value(),
                        extra / 1e6, "lot " + lot.id + " left " + under.amount() * 100 + " % heavier than declared"));
            }
            if (lot.product == Product.SHAM_OXIDE) {
                w.truth(new GroundTruth(FraudType.MISDECLARED_EXPORT, lot.id.value(), w.month(), ev.value(),
                        (lot.trueMass - lot.bookedMass) / 1e6,
                        "mixed carbonate declared as separated oxide; the partner weighs the carbonate"));
            }
            record(w, r, country, lot.product, physicalMg / 1e6, ev);
            if (leaving.contains(lot)) {
                sent.add(new Abroad(lot, ev));
            }
        }
        abroad = sent;
    }

    /**
     * Last month's round-trip lots come back through this port as the neighbour's product: weighed and assayed
     * again, imported under a new lot id with the neighbour as origin, and held here to be exported with the rest.
     */
    private void reimport(World w) {
        for (Abroad a : abroad) {
            FraudSpec trip = w.fraud(FraudType.ROUND_TRIP, spec.id());
            CountryCode from = trip.country();
            SimLot back = w.measure(id, a.lot().product, a.lot().trueMass, a.lot().trueMg, null);
            CustomsDeclaration d = new CustomsDeclaration("K1-" + w.month() + "-" + back.id.value(),
                    back.product.hsCode(), null, from.alpha2() + " Rare Earth Refining Co", from);
            // the supplier's certificate claims the separation as its own, so the lot may leave again as processed
            List<Stage> certified = List.of(new Stage(StageKind.SEPARATION, from, from));
            EventId ev = w.emit(e -> new Import(e, w.time(), id, back.id, back.product.form(), back.mass(), back.booked,
                    from, from.alpha2() + " Rare Earth Refining Co", certified, d));
            w.hold(back);
            w.truth(new GroundTruth(FraudType.ROUND_TRIP, back.id.value(), w.month(), ev.value(), back.trueMass / 1e6,
                    "lot " + a.lot().id + " exported to " + from + " under " + a.export().value()
                            + " and imported back as its product"));
        }
        abroad = List.of();
    }

    /**
     * The partner records the arrival: its own weighing and valuation, in the month the ship arrives; {@code export}
     * is the export event it left under, or null for goods smuggled out.
     */
    public static void record(World w, SplittableRandom r, CountryCode country, Product product, double kg,
                              EventId export) {
        Scenario.PartnerReporting p = w.scenario.partnerReporting();
        int transit = p.transitDaysMin() + r.nextInt(p.transitDaysMax() - p.transitDaysMin() + 1);
        YearMonth arrival = YearMonth.from(w.now().plusSeconds(transit * 86_400L).atOffset(ZoneOffset.UTC));
        double weighed = kg * (1 + p.massRsd() * r.nextGaussian());
        double usd = weighed * product.usdPerKg() * (1 + p.valueRsd() * r.nextGaussian());
        w.partner().record(country, product.hsCode(), arrival, weighed, Math.max(0, usd),
                export == null ? null : export.value());
    }

    private static Scenario.BuyerSpec buyer(List<Scenario.BuyerSpec> buyers, Product p, SplittableRandom r) {
        List<Scenario.BuyerSpec> fit = buyers.stream().filter(b -> b.product() == p).toList();
        if (fit.isEmpty()) {
            throw new IllegalStateException("the scenario has no buyer for " + p
                    + ": add a 'buyer ... product=" + p.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-') + "' line");
        }
        double total = fit.stream().mapToDouble(Scenario.BuyerSpec::weight).sum();
        double x = r.nextDouble() * total;
        for (Scenario.BuyerSpec b : fit) {
            x -= b.weight();
            if (x < 0) {
                return b;
            }
        }
        return fit.getLast();
    }
}
