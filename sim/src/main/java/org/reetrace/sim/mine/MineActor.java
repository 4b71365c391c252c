package org.reetrace.sim.mine;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.reetrace.core.element.Element;
import org.reetrace.core.event.EventId;
import org.reetrace.core.event.Extract;
import org.reetrace.core.lot.MaterialForm;
import org.reetrace.core.process.ProcessKind;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.registry.GeoPoint;
import org.reetrace.sim.fraud.GroundTruth;
import org.reetrace.sim.plant.Processing;
import org.reetrace.sim.scenario.FraudSpec;
import org.reetrace.sim.scenario.FraudType;
import org.reetrace.sim.scenario.Product;
import org.reetrace.sim.scenario.Scenario;
import org.reetrace.sim.world.Chemistry;
import org.reetrace.sim.world.SimLot;
import org.reetrace.sim.world.World;

/**
 * A mine: extracts lots of ore each month with its own rare-earth signature (each lot's shares varying
 * log-normally around it), its thorium and uranium, and a monthly output that follows the monsoon (peak in the
 * dry season, March) with random variation. An ISL mine leaches its liquor into mixed carbonate at the mine;
 * an amang mine sends ore to the concentrator. Frauds acted here: laundered ore, lookalike ore blended in, mining
 * in a forest reserve, quota overrun, and (ISL) a slow diversion of the leached rare earths.
 */
public final class MineActor {

    private static final double GRADE_SPREAD = 0.08;
    /** Share of the amang's thorium in monazite and of its uranium in xenotime (the rest in the other mineral). */
    private static final double TH_IN_MONAZITE = 0.95;
    private static final double U_IN_XENOTIME = 0.70;

    private final Scenario.MineSpec spec;
    private final FacilityId id;
    private final double[] shares;
    private final double[] xenotime;

    public MineActor(Scenario s, Scenario.MineSpec spec) {
        this.spec = spec;
        this.id = FacilityId.of(spec.id());
        this.shares = Chemistry.shares(s.signatures().get(spec.signature()));
        this.xenotime = spec.xenotime() == null ? null : Chemistry.shares(s.signatures().get(spec.xenotime()));
    }

    public FacilityId id() {
        return id;
    }

    public void extract(World w) {
        SplittableRandom r = w.random("mine/" + spec.id());
        int month = w.month().getMonthValue();
        double season = 1 + spec.seasonal() * Math.cos(2 * Math.PI * (month - 3) / 12.0);
        double level = season * Math.exp(spec.noise() * r.nextGaussian());
        int lots = spec.lotsPerMonth() * w.scenario.scale();
        FraudSpec quota = w.fraud(FraudType.QUOTA_OVERRUN, spec.id());
        int honest = lots;
        if (quota != null) {
            lots = (int) Math.round(lots * quota.amount());
        }
        FraudSpec forest = w.fraud(FraudType.FOREST_RESERVE_MINING, spec.id());
        int inForest = forest == null ? 0 : (int) forest.amount();
        double lotMg = spec.lotTonnes() * 1e9 / w.scenario.scale();
        double extraKg = 0;
        for (int i = 0; i < lots; i++) {
            double mass = lotMg * level * Math.exp(0.05 * r.nextGaussian());
            double[][] content = ore(r, mass, shares);
            GeoPoint at = spec.lease().at(0.1 + 0.8 * r.nextDouble(), 0.1 + 0.8 * r.nextDouble());
            if (i < inForest) {
                Scenario.ZoneSpec zone = w.scenario.zone(forest.reference()).orElseThrow();
                at = zone.area().at(0.2 + 0.6 * r.nextDouble(), 0.2 + 0.6 * r.nextDouble());
            }
            EventId ev = book(w, mass, content[0], content[1], at);
            if (i < inForest) {
                w.truth(new GroundTruth(FraudType.FOREST_RESERVE_MINING, spec.id(), w.month(), ev.value(), mass / 1e6,
                        "extracted at " + at.latitude() + "," + at.longitude() + " inside " + forest.reference()));
            }
            if (i >= honest) {
                extraKg += mass / 1e6;
            }
        }
        if (quota != null) {
            w.truth(new GroundTruth(FraudType.QUOTA_OVERRUN, spec.id(), w.month(), null, extraKg,
                    (lots - honest) + " lots beyond the licensed rate; annual quota " + spec.quotaTonnes() + " t"));
        }
        blend(w, FraudType.LAUNDERED_ORE, lotMg * level, 0.5, 0.5);
        blend(w, FraudType.LOOKALIKE_BLEND, lotMg * level, 0.3, 0.4);
    }

    /**
     * Lots of ore from another deposit (the fraud's reference signature) mixed into the mine's own at a share drawn
     * in [min, min + spread) and booked as the mine's: illegal ore laundered, or a lookalike deposit's blended in.
     */
    private void blend(World w, FraudType type, double lotMg, double min, double spread) {
        FraudSpec f = w.fraud(type, spec.id());
        if (f == null) {
            return;
        }
        SplittableRandom lr = w.random((type == FraudType.LAUNDERED_ORE ? "launder/" : "blend/") + spec.id());
        double[] foreignShares = Chemistry.shares(w.scenario.signatures().get(f.reference()));
        for (int i = 0; i < (int) f.amount(); i++) {
            double share = min + spread * lr.nextDouble();
            double[] own = Chemistry.vary(shares, spec.variability(), lr);
            double[] foreign = Chemistry.vary(foreignShares, spec.variability(), lr);
            double[] mix = new double[Chemistry.N];
            for (int e = 0; e < mix.length; e++) {
                mix[e] = share * foreign[e] + (1 - share) * own[e];
            }
            double mass = lotMg * Math.exp(0.05 * lr.nextGaussian());
            double[][] content = ore(lr, mass, mix);
            GeoPoint at = spec.lease().at(0.1 + 0.8 * lr.nextDouble(), 0.1 + 0.8 * lr.nextDouble());
            SimLot lot = w.measure(id, Product.ORE, mass, content[0], content[1]);
            EventId ev = w.emit(e -> new Extract(e, w.time(), id, lot.id, MaterialForm.ORE, lot.mass(), lot.booked, at));
            w.hold(lot);
            w.truth(new GroundTruth(type, lot.id.value(), w.month(), ev.value(), mass / 1e6,
                    String.format(java.util.Locale.ROOT, "%.0f %% of the lot is %s ore booked as %s's",
                            share * 100, f.reference(), spec.id())));
        }
    }

    /** True element masses of one lot, and (amang) the part hosted by xenotime. */
    private double[][] ore(SplittableRandom r, double mass, double[] base) {
        double grade = spec.gradePercent() * Math.exp(GRADE_SPREAD * r.nextGaussian());
        double[] lotShares = Chemistry.vary(base, spec.variability(), r);
        if (xenotime == null) {
            double[] mg = Chemistry.elements(mass, grade, lotShares);
            mg[Element.Th.ordinal()] = mass * spec.thPpm() / 1e6;
            mg[Element.U.ordinal()] = mass * spec.uPpm() / 1e6;
            return new double[][] {mg, null};
        }
        double x = spec.xenotimeShare();
        double[] mon = Chemistry.elements(mass, grade * (1 - x), lotShares);
        double[] xen = Chemistry.elements(mass, grade * x, Chemistry.vary(xenotime, spec.variability(), r));
        double th = mass * spec.thPpm() / 1e6;
        double u = mass * spec.uPpm() / 1e6;
        xen[Element.Th.ordinal()] = th * (1 - TH_IN_MONAZITE);
        xen[Element.U.ordinal()] = u * U_IN_XENOTIME;
        double[] all = mon.clone();
        Chemistry.addInto(all, xen);
        all[Element.Th.ordinal()] = th;
        all[Element.U.ordinal()] = u;
        return new double[][] {all, xen};
    }

    private EventId book(World w, double mass, double[] trueMg, double[] xen, GeoPoint at) {
        SimLot lot = w.measure(id, Product.ORE, mass, trueMg, xen);
        EventId ev = w.emit(e -> new Extract(e, w.time(), id, lot.id, MaterialForm.ORE, lot.mass(), lot.booked, at));
        w.hold(lot);
        return ev;
    }

    /** ISL only: the month's liquor leached and precipitated into mixed carbonate at the mine. */
    public void leach(World w) {
        if (spec.kind() != Scenario.MineKind.ION_CLAY) {
            return;
        }
        List<SimLot> liquor = w.take(id, MaterialForm.ORE);
        if (liquor.isEmpty()) {
            return;
        }
        double[] in = Chemistry.zero();
        liquor.forEach(l -> Chemistry.addInto(in, l.trueMg));
        double loss = Processing.lossThisMonth(w, spec.id(), spec.loss(), spec.lossSd());
        double[] mrec = Chemistry.scaled(in, 1 - loss - Processing.slowDiversion(w, spec.id(), in));
        mrec[Element.Th.ordinal()] = 0;
        mrec[Element.U.ordinal()] = 0;
        double mrecMass = Chemistry.rareEarths(mrec) / Product.MREC.elementShare();
        double lotTonnes = mrecMass / 1e9 * w.scenario.scale() / Math.max(1, spec.lotsPerMonth() / 2.0);
        List<SimLot> out = Processing.lots(w, id, Product.MREC, mrec, mrecMass, lotTonnes);
        Processing.book(w, id, ProcessKind.LEACHING, liquor, out);
    }

    /** Sends the month's product on: MREC from an ISL mine, ore from an amang mine. */
    public void ship(World w) {
        FacilityId to = FacilityId.of(spec.to());
        for (SimLot lot : new ArrayList<>(w.held(id))) {
            w.ship(lot, to, true);
        }
    }
}
