package org.reetrace.sim.plant;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.reetrace.core.analytics.LossExpectation;
import org.reetrace.core.analytics.LossModel;
import org.reetrace.core.composition.Composition;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.event.EventId;
import org.reetrace.core.event.Transform;
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

/**
 * Booking a transformation the way an operator does: inputs whole, outputs as measured, and whatever the
 * measured outputs do not account for declared as process loss. So the books always balance to the milligram,
 * and a diversion shows only as more declared loss than the process is expected to have: material unaccounted
 * for. Where the measured outputs of an element exceed what went in (a measurement error the operator's lab
 * would not let stand) they are scaled back to the input.
 */
public final class Processing {

    /** Cracking: rare earths lost unmeasured, month-to-month spread, and the share that stays in the residue. */
    public static final double CRACKING_LOSS = 0.01;
    public static final double CRACKING_LOSS_SD = 0.001;
    public static final double CRACKING_RESIDUE_SHARE = 0.02;
    /** Residue mass per unit concentrate cracked (iron phosphate and gypsum dilute it: Lynas WLP-like). */
    public static final double RESIDUE_PER_CONCENTRATE = 3.0;
    public static final double RESIDUE_LOT_TONNES = 150;

    private Processing() {
    }

    /** The expected losses the analytics must assume for a scenario's facilities: the same figures the simulator uses. */
    public static LossModel lossModel(Scenario s) {
        Map<FacilityId, Map<ProcessKind, LossExpectation>> by = new HashMap<>();
        for (Scenario.MineSpec m : s.mines()) {
            if (m.kind() == Scenario.MineKind.ION_CLAY) {
                by.put(FacilityId.of(m.id()), Map.of(ProcessKind.LEACHING, new LossExpectation(m.loss(), m.lossSd())));
            }
        }
        for (Scenario.PlantSpec p : s.plants()) {
            Map<ProcessKind, LossExpectation> m = new EnumMap<>(ProcessKind.class);
            LossExpectation own = new LossExpectation(p.loss(), p.lossSd());
            switch (p.kind()) {
                case CONCENTRATOR -> m.put(ProcessKind.CONCENTRATION, own);
                case CRACKING -> m.put(ProcessKind.CRACKING, own);
                case SEPARATION -> {
                    m.put(ProcessKind.CRACKING, new LossExpectation(CRACKING_LOSS, CRACKING_LOSS_SD));
                    m.put(ProcessKind.SEPARATION, own);
                }
                case METAL -> m.put(ProcessKind.METAL_MAKING, own);
                case MAGNET -> m.put(ProcessKind.MAGNET_MAKING, own);
            }
            by.put(FacilityId.of(p.id()), m);
        }
        return new LossModel(by, Map.of());
    }

    /**
     * The share of a process's input a slow diversion takes this month at {@code facility} before the outputs are
     * measured (0 when none is active); records its ground truth.
     */
    public static double slowDiversion(World w, String facility, double[] trueIn) {
        FraudSpec f = w.fraud(FraudType.SLOW_DIVERSION, facility);
        if (f == null) {
            return 0;
        }
        w.truth(new GroundTruth(FraudType.SLOW_DIVERSION, facility, w.month(), null,
                f.amount() * Chemistry.rareEarths(trueIn) / 1e6, "rare-earth elements taken before the products were measured"));
        return f.amount();
    }

    /** A loss share for this month: nominal plus its spread, never below zero. */
    public static double lossThisMonth(World w, String stream, double nominal, double sd) {
        return Math.max(0, nominal + sd * w.random("loss/" + stream).nextGaussian());
    }

    /**
     * Splits true element masses into lots of about {@code lotTonnes} of product and measures each: at least one
     * lot, as many as the mass needs.
     */
    public static List<SimLot> lots(World w, FacilityId at, Product p, double[] trueMg, double lotTonnes) {
        double elements = 0;
        for (double v : trueMg) {
            elements += v;
        }
        double mass = elements / p.elementShare();
        return lots(w, at, p, trueMg, mass, lotTonnes);
    }

    public static List<SimLot> lots(World w, FacilityId at, Product p, double[] trueMg, double trueMass, double lotTonnes) {
        List<SimLot> out = new ArrayList<>();
        if (trueMass <= 0) {
            return out;
        }
        int n = (int) Math.max(1, Math.round(trueMass / (lotTonnes * 1e9 / w.scenario.scale())));
        for (int i = 0; i < n; i++) {
            out.add(w.measure(at, p, trueMass / n, Chemistry.scaled(trueMg, 1.0 / n), null));
        }
        return out;
    }

    /** Emits the transformation and puts its outputs in the facility's holdings; returns the event id. */
    public static EventId book(World w, FacilityId at, ProcessKind process, List<SimLot> inputs, List<SimLot> outputs) {
        long[] in = new long[Chemistry.N];
        for (SimLot l : inputs) {
            long[] mg = l.booked.toArray();
            for (int i = 0; i < in.length; i++) {
                in[i] += mg[i];
            }
        }
        long[] out = new long[Chemistry.N];
        for (SimLot l : outputs) {
            long[] mg = l.booked.toArray();
            for (int i = 0; i < out.length; i++) {
                out[i] += mg[i];
            }
        }
        for (int i = 0; i < in.length; i++) {
            if (out[i] > in[i]) {
                long total = 0;
                for (SimLot l : outputs) {
                    long[] mg = l.booked.toArray();
                    mg[i] = java.math.BigInteger.valueOf(mg[i]).multiply(java.math.BigInteger.valueOf(in[i]))
                            .divide(java.math.BigInteger.valueOf(out[i])).longValueExact();
                    total += mg[i];
                    l.booked = Composition.ofArray(mg);
                }
                out[i] = total;
            }
        }
        long[] loss = new long[Chemistry.N];
        for (int i = 0; i < in.length; i++) {
            loss[i] = in[i] - out[i];
        }
        List<Transform.Input> ins = inputs.stream().map(l -> new Transform.Input(l.id, Mass.ofMilligrams(l.bookedMass))).toList();
        List<Transform.Output> outs = outputs.stream()
                .map(l -> new Transform.Output(l.id, l.product.form(), l.mass(), l.booked)).toList();
        EventId id = w.emit(e -> new Transform(e, w.time(), at, process, ins, outs, Composition.ofArray(loss)));
        outputs.forEach(w::hold);
        return id;
    }

    /** The element masses {@code v} keeps of the elements in {@code group}, times {@code factor}. */
    public static double[] part(double[] v, java.util.Set<org.reetrace.core.element.Element> group, double factor) {
        double[] r = Chemistry.zero();
        for (var e : group) {
            r[e.ordinal()] = v[e.ordinal()] * factor;
        }
        return r;
    }
}
