package org.reetrace.sim.plant;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.reetrace.core.composition.Composition;
import org.reetrace.core.element.Element;
import org.reetrace.core.event.Assay;
import org.reetrace.core.event.EventId;
import org.reetrace.core.lot.MaterialForm;
import org.reetrace.core.process.ProcessKind;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.sim.fraud.GroundTruth;
import org.reetrace.sim.scenario.FraudSpec;
import org.reetrace.sim.scenario.FraudType;
import org.reetrace.sim.scenario.Product;
import org.reetrace.sim.scenario.Scenario;
import org.reetrace.sim.world.Chemistry;
import org.reetrace.sim.world.SimLot;
import org.reetrace.sim.world.World;

import static org.reetrace.core.element.Element.*;

/**
 * A processing plant: a concentrator (amang ore to monazite and xenotime concentrates), a separation plant
 * (cracking of concentrates into a mixed chloride and a thorium residue, then solvent-extraction separation of all
 * mixed compounds into NdPr oxide, La-Ce oxide and a heavy group oxide), a metal plant (NdPr oxide to metal) or a
 * magnet plant (metal to sintered NdFeB). Each month it processes what it received, loses its process loss (nominal
 * plus spread) unmeasured, measures its outputs and ships them on. Frauds acted here: protracted diversion and
 * abrupt theft (a share of the process input taken off before the outputs are measured), a sham separation of
 * carbonate into "oxide", residue dumped on its way to disposal.
 */
public final class PlantActor {

    static final Set<Element> NDPR = EnumSet.of(Pr, Nd);
    static final Set<Element> LACE = EnumSet.of(La, Ce);
    static final Set<Element> HEAVY = EnumSet.of(Sc, Y, Sm, Eu, Gd, Tb, Dy, Ho, Er, Tm, Yb, Lu);

    private final Scenario.PlantSpec spec;
    private final FacilityId id;

    public PlantActor(Scenario.PlantSpec spec) {
        this.spec = spec;
        this.id = FacilityId.of(spec.id());
    }

    public Scenario.PlantKind kind() {
        return spec.kind();
    }

    public void operate(World w) {
        switch (spec.kind()) {
            case CONCENTRATOR -> concentrate(w);
            case CRACKING -> crackOnly(w);
            case SEPARATION -> separate(w);
            case METAL -> simple(w, MaterialForm.SEPARATED_COMPOUND, ProcessKind.METAL_MAKING, Product.NDPR_METAL);
            case MAGNET -> simple(w, MaterialForm.METAL_OR_ALLOY, ProcessKind.MAGNET_MAKING, Product.MAGNET);
        }
    }

    private void concentrate(World w) {
        List<SimLot> ore = w.take(id, MaterialForm.ORE);
        if (ore.isEmpty()) {
            return;
        }
        double[] xen = Chemistry.zero();
        double[] all = Chemistry.zero();
        for (SimLot l : ore) {
            Chemistry.addInto(all, l.trueMg);
            if (l.xenotimeHosted != null) {
                Chemistry.addInto(xen, l.xenotimeHosted);
            }
        }
        double[] mon = all.clone();
        for (int i = 0; i < mon.length; i++) {
            mon[i] -= xen[i];
        }
        double keep = 1 - Processing.lossThisMonth(w, spec.id(), spec.loss(), spec.lossSd())
                - Processing.slowDiversion(w, spec.id(), all);
        List<SimLot> out = new ArrayList<>(Processing.lots(w, id, Product.MONAZITE, Chemistry.scaled(mon, keep), spec.productLotTonnes()));
        out.addAll(Processing.lots(w, id, Product.XENOTIME, Chemistry.scaled(xen, keep), spec.productLotTonnes()));
        Processing.book(w, id, ProcessKind.CONCENTRATION, ore, out);
        shipAll(w, FacilityId.of(spec.to()));
    }

    /**
     * Cracks the concentrates received into a mixed chloride and thorium-bearing residue, assays the residue's
     * activity and (residue dilution) books one residue lot a month at many times its mass, kept off the disposal
     * route.
     */
    private void crack(World w) {
        List<SimLot> concentrates = w.take(id, MaterialForm.CONCENTRATE);
        if (concentrates.isEmpty()) {
            return;
        }
        double[] in = Chemistry.zero();
        double concentrateMass = 0;
        for (SimLot l : concentrates) {
            Chemistry.addInto(in, l.trueMg);
            concentrateMass += l.trueMass;
        }
        boolean own = spec.kind() == Scenario.PlantKind.CRACKING;
        double loss = Processing.lossThisMonth(w, spec.id() + "/cracking", own ? spec.loss() : Processing.CRACKING_LOSS,
                own ? spec.lossSd() : Processing.CRACKING_LOSS_SD);
        double[] chloride = Chemistry.scaled(in, 1 - loss - Processing.CRACKING_RESIDUE_SHARE);
        double[] residue = Chemistry.scaled(in, Processing.CRACKING_RESIDUE_SHARE);
        for (Element radio : List.of(Th, U)) {
            chloride[radio.ordinal()] = 0;
            residue[radio.ordinal()] = in[radio.ordinal()] * 0.99;
        }
        List<SimLot> out = new ArrayList<>(Processing.lots(w, id, Product.CHLORIDE, chloride, 1e9));
        List<SimLot> residues = Processing.lots(w, id, Product.RESIDUE, residue,
                concentrateMass * Processing.RESIDUE_PER_CONCENTRATE, Processing.RESIDUE_LOT_TONNES);
        out.addAll(residues);
        FraudSpec dilute = w.fraud(FraudType.RESIDUE_DILUTION, spec.id());
        SimLot diluted = dilute == null || residues.isEmpty() ? null : residues.getFirst();
        if (diluted != null) {
            // the same thorium and uranium on paper in a hundred times the mass: below 1 Bq/g
            diluted.bookedMass = Math.round(diluted.bookedMass * dilute.amount());
        }
        EventId ev = Processing.book(w, id, ProcessKind.CRACKING, concentrates, out);
        for (SimLot r : residues) {
            BigDecimal activity = activity(r);
            w.emit(e -> new Assay(e, w.time(), id, r.id, r.booked, activity));
        }
        if (diluted != null) {
            w.held(id).remove(diluted);
            w.truth(new GroundTruth(FraudType.RESIDUE_DILUTION, diluted.id.value(), w.month(), ev.value(),
                    diluted.trueMass / 1e6, String.format(java.util.Locale.ROOT,
                            "residue booked at %.0f times its mass, %s Bq/g declared, and kept off the disposal route",
                            dilute.amount(), activity(diluted).toPlainString())));
        }
    }

    /** A cracking plant: cracks, sends the chloride on to separation and the residue to disposal. */
    private void crackOnly(World w) {
        crack(w);
        for (SimLot l : new ArrayList<>(w.held(id))) {
            if (l.product != Product.RESIDUE) {
                w.ship(l, FacilityId.of(spec.to()), true);
            }
        }
        shipResidue(w);
    }

    private void separate(World w) {
        crack(w);
        List<SimLot> mixed = w.take(id, MaterialForm.MIXED_RE_COMPOUND);
        List<SimLot> sham = new ArrayList<>();
        FraudSpec misdeclare = w.fraud(FraudType.MISDECLARED_EXPORT, spec.id());
        if (misdeclare != null) {
            for (SimLot l : new ArrayList<>(mixed)) {
                if (l.product == Product.MREC && sham.size() < (int) misdeclare.amount()) {
                    mixed.remove(l);
                    sham.add(l);
                }
            }
        }
        if (!mixed.isEmpty()) {
            double[] in = Chemistry.zero();
            mixed.forEach(l -> Chemistry.addInto(in, l.trueMg));
            double loss = Processing.lossThisMonth(w, spec.id(), spec.loss(), spec.lossSd());
            double taken = taken(w, Chemistry.rareEarths(in));
            double keep = 1 - loss - taken;
            List<SimLot> out = new ArrayList<>();
            out.addAll(Processing.lots(w, id, Product.NDPR_OXIDE, Processing.part(in, NDPR, keep), spec.productLotTonnes()));
            out.addAll(Processing.lots(w, id, Product.LACE_OXIDE, Processing.part(in, LACE, keep), spec.productLotTonnes() * 4));
            out.addAll(Processing.lots(w, id, Product.HRE_OXIDE, skim(w, Processing.part(in, HEAVY, keep)), spec.productLotTonnes()));
            EventId ev = Processing.book(w, id, ProcessKind.SEPARATION, mixed, out);
            if (w.fraud(FraudType.CHINESE_TECHNOLOGY_UNLINKED, spec.id()) != null) {
                w.truth(new GroundTruth(FraudType.CHINESE_TECHNOLOGY_UNLINKED, spec.id(), w.month(), ev.value(), 0,
                        "separation on Chinese technology by an operator that is not state-linked"));
            }
        }
        for (SimLot l : sham) {
            // the carbonate is booked as an oxide of the same elements; physically it stays carbonate
            long oxideMass = Math.max(l.booked.treoMg() * 1000 / 995, l.booked.totalMg() + 1);
            SimLot fake = w.relabel(l, Product.SHAM_OXIDE, oxideMass);
            Processing.book(w, id, ProcessKind.SEPARATION, List.of(l), List.of(fake));
        }
        FacilityId port = FacilityId.of(spec.port());
        List<SimLot> ndpr = new ArrayList<>();
        for (SimLot l : new ArrayList<>(w.held(id))) {
            if (l.product == Product.NDPR_OXIDE) {
                ndpr.add(l);
            } else if (l.product == Product.RESIDUE) {
                continue;
            } else {
                w.ship(l, port, true);
            }
        }
        int forward = spec.to() == null ? 0 : (int) Math.round(ndpr.size() * spec.forwardShare());
        for (int i = 0; i < ndpr.size(); i++) {
            w.ship(ndpr.get(i), i < forward ? FacilityId.of(spec.to()) : port, true);
        }
        shipResidue(w);
    }

    /** Residue goes to the disposal facility, or (residue not disposed) is dumped on the way. */
    private void shipResidue(World w) {
        FraudSpec dump = w.fraud(FraudType.RESIDUE_NOT_DISPOSED, spec.id());
        for (SimLot r : new ArrayList<>(w.held(id))) {
            if (r.product == Product.RESIDUE) {
                w.ship(r, FacilityId.of(spec.disposal()), dump == null);
                if (dump != null) {
                    w.truth(new GroundTruth(FraudType.RESIDUE_NOT_DISPOSED, r.id.value(), w.month(), null,
                            r.trueMass / 1e6, "shipped to " + spec.disposal() + " and dumped on the way"));
                }
            }
        }
    }

    /** The heavy group's true output with the dysprosium and terbium an element skim takes out of it. */
    private double[] skim(World w, double[] heavy) {
        FraudSpec f = w.fraud(FraudType.ELEMENT_SKIM, spec.id());
        if (f == null) {
            return heavy;
        }
        double taken = f.amount() * (heavy[Dy.ordinal()] + heavy[Tb.ordinal()]);
        heavy[Dy.ordinal()] *= 1 - f.amount();
        heavy[Tb.ordinal()] *= 1 - f.amount();
        w.truth(new GroundTruth(FraudType.ELEMENT_SKIM, spec.id(), w.month(), null, taken / 1e6,
                "dysprosium and terbium taken from the heavy group and declared as process loss"));
        return heavy;
    }

    /** Share of the process input a fraud takes off the books this month (ground truth recorded). */
    private double taken(World w, double inRareEarthsMg) {
        FraudSpec divert = w.fraud(FraudType.PROTRACTED_DIVERSION, spec.id());
        FraudSpec theft = w.fraud(FraudType.ABRUPT_THEFT, spec.id());
        double share = 0;
        if (divert != null) {
            share += divert.amount();
            w.truth(new GroundTruth(FraudType.PROTRACTED_DIVERSION, spec.id(), w.month(), null,
                    divert.amount() * inRareEarthsMg / 1e6, "rare-earth elements taken before the outputs were weighed"));
        }
        if (theft != null && theft.start().equals(w.month())) {
            share += theft.amount();
            w.truth(new GroundTruth(FraudType.ABRUPT_THEFT, spec.id(), w.month(), null,
                    theft.amount() * inRareEarthsMg / 1e6, "rare-earth elements stolen in one month"));
        }
        return share;
    }

    private void simple(World w, MaterialForm input, ProcessKind process, Product product) {
        List<SimLot> in = w.take(id, input);
        if (in.isEmpty()) {
            return;
        }
        double[] all = Chemistry.zero();
        in.forEach(l -> Chemistry.addInto(all, l.trueMg));
        double loss = Processing.lossThisMonth(w, spec.id(), spec.loss(), spec.lossSd());
        double keep = 1 - loss - taken(w, Chemistry.rareEarths(all));
        double[] out = Chemistry.scaled(all, keep);
        out[Th.ordinal()] = 0;
        out[U.ordinal()] = 0;
        Processing.book(w, id, process, in, Processing.lots(w, id, product, out, spec.productLotTonnes()));
        shipAll(w, FacilityId.of(spec.kind() == Scenario.PlantKind.MAGNET ? spec.port() : spec.to()));
    }

    private void shipAll(World w, FacilityId to) {
        for (SimLot l : new ArrayList<>(w.held(id))) {
            w.ship(l, to, true);
        }
    }

    /**
     * Specific activity of the parents, Th-232 (4.07 Bq per mg) and U-238 (12.4 Bq per mg), in Bq/g of the lot:
     * what the residue is licensed against (over 1 Bq/g is radioactive waste).
     */
    static BigDecimal activity(SimLot lot) {
        Composition c = lot.booked;
        double bq = c.get(Th) * 4.07 + c.get(U) * 12.4;
        return BigDecimal.valueOf(bq / (lot.bookedMass / 1000.0)).setScale(2, RoundingMode.HALF_EVEN);
    }
}
