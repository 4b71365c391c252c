package org.reetrace.sim.world;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.reetrace.core.analytics.Uncertainty;
import org.reetrace.core.composition.Composition;
import org.reetrace.core.event.EventId;
import org.reetrace.core.event.LedgerEvent;
import org.reetrace.core.event.Receive;
import org.reetrace.core.event.Ship;
import org.reetrace.core.ledger.Tolerance;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.lot.MaterialForm;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.sim.EventSink;
import org.reetrace.sim.fraud.GroundTruth;
import org.reetrace.sim.scenario.FraudSpec;
import org.reetrace.sim.scenario.FraudType;
import org.reetrace.sim.scenario.Product;
import org.reetrace.sim.scenario.Scenario;
import org.reetrace.sim.trade.PartnerStatistics;

/**
 * The simulation's shared state and services: the clock, seeded randomness, lots held at each facility (truth
 * and books), measurement, event output, ground truth and partner statistics. Actors act on it in a fixed order
 * each month.
 *
 * <p>Randomness: every actor draws from its own stream, seeded by the run seed, the stream's name and the month.
 * So a fraud at one facility does not change the noise anywhere else, a clean run and a fraud run of the same
 * seed differ only where the fraud acts, and the same seed always gives the same bytes.
 */
public final class World {

    public final Scenario scenario;
    private final long seed;
    private final EventSink sink;
    private final String idPrefix;
    private final Map<FacilityId, List<SimLot>> held = new HashMap<>();
    private final Map<String, SplittableRandom> streams = new HashMap<>();
    private final Map<String, Double> systematic = new HashMap<>();
    private final List<GroundTruth> truth = new ArrayList<>();
    private final PartnerStatistics partner = new PartnerStatistics();
    private final Map<String, Integer> lotCounters = new HashMap<>();
    /** Lots lost in transit this month, by the facility that shipped them. */
    private final Map<String, Integer> lostThisMonth = new HashMap<>();
    private YearMonth month;
    private int monthIndex;
    private Instant phase;
    private Instant last = Instant.EPOCH;
    private long events;

    public World(Scenario scenario, long seed, EventSink sink) {
        this(scenario, seed, sink, "");
    }

    /** {@code idPrefix} goes before every event and lot id, so that runs of several seeds can share one ledger. */
    public World(Scenario scenario, long seed, EventSink sink, String idPrefix) {
        this.idPrefix = java.util.Objects.requireNonNull(idPrefix, "id prefix");
        this.scenario = scenario;
        this.seed = seed;
        this.sink = sink;
    }

    // --- time and randomness -------------------------------------------------------------------------------------

    public void beginMonth(YearMonth m, int index) {
        month = m;
        monthIndex = index;
        streams.clear();
        systematic.clear();
        lotCounters.clear();
        lostThisMonth.clear();
    }

    public YearMonth month() {
        return month;
    }

    public int monthIndex() {
        return monthIndex;
    }

    /** Events from now on happen on this day of the month, a second apart. */
    public void day(int day) {
        phase = month.atDay(Math.min(day, month.lengthOfMonth())).atTime(8, 0).toInstant(ZoneOffset.UTC);
    }

    private Instant nextTime() {
        Instant t = phase.isAfter(last) ? phase : last.plusSeconds(1);
        last = t;
        phase = t.plusSeconds(1);
        return t;
    }

    public Instant now() {
        return last;
    }

    /** The named stream of this month, e.g. "mine/MY-PRK-ISL-01". */
    public SplittableRandom random(String stream) {
        return streams.computeIfAbsent(stream, s -> new SplittableRandom(
                mix(seed, mix(s.hashCode(), monthIndex))));
    }

    private static long mix(long a, long b) {
        long z = a * 0x9E3779B97F4A7C15L + b;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    // --- frauds --------------------------------------------------------------------------------------------------

    /** The fraud of this type active at {@code target} this month, if any. */
    public FraudSpec fraud(FraudType type, String target) {
        for (FraudSpec f : scenario.frauds()) {
            if (f.type() == type && (target == null || target.equals(f.target())) && !month.isBefore(f.start())) {
                return f;
            }
        }
        return null;
    }

    public void truth(GroundTruth t) {
        truth.add(t);
    }

    public List<GroundTruth> groundTruth() {
        return List.copyOf(truth);
    }

    public PartnerStatistics partner() {
        return partner;
    }

    // --- lots and events -----------------------------------------------------------------------------------------

    public EventId emit(java.util.function.Function<EventId, LedgerEvent> make) {
        EventId id = EventId.of(idPrefix + String.format("E%09d", ++events));
        sink.accept(make.apply(id));
        return id;
    }

    public Instant time() {
        return nextTime();
    }

    public long events() {
        return events;
    }

    public LotId lotId(FacilityId at, Product p) {
        String key = at.value() + "/" + p.name();
        int n = lotCounters.merge(key, 1, Integer::sum);
        return LotId.of(idPrefix + at.value() + "/" + month + "/" + p.name() + "/" + n);
    }

    public List<SimLot> held(FacilityId at) {
        return held.computeIfAbsent(at, f -> new ArrayList<>());
    }

    /** Takes every lot the facility holds that matches the form, out of its holdings. */
    public List<SimLot> take(FacilityId at, MaterialForm form) {
        List<SimLot> all = held(at);
        List<SimLot> out = new ArrayList<>();
        all.removeIf(l -> {
            if (l.product.form() == form) {
                out.add(l);
                return true;
            }
            return false;
        });
        return out;
    }

    /**
     * Measures a lot made at {@code at}: its booked mass and composition are the truth times the weighing, grade,
     * element and (this laboratory's, this month's) systematic errors of the scenario's measurement model for its
     * form. The measured composition never weighs more than the measured lot (a lab would re-run such an assay).
     */
    public SimLot measure(FacilityId at, Product product, double trueMass, double[] trueMg, double[] xenotimeHosted) {
        Uncertainty u = scenario.measurement().of(product.form());
        SplittableRandom r = random("measure/" + at.value());
        double w = 1 + u.weighingRsd() * r.nextGaussian();
        double g = 1 + u.gradeRsd() * r.nextGaussian();
        double s = systematic.computeIfAbsent(at.value() + "/" + product.form(),
                k -> 1 + u.systematicRsd() * random("calibration/" + k).nextGaussian());
        long[] mg = new long[Chemistry.N];
        long total = 0;
        for (int i = 0; i < Chemistry.N; i++) {
            if (trueMg[i] > 0) {
                mg[i] = Math.max(0, Math.round(trueMg[i] * w * g * s * (1 + u.elementRsd() * r.nextGaussian())));
                total += mg[i];
            }
        }
        long mass = Math.max(Math.round(trueMass * w), total + total / 1000 + 1);
        SimLot lot = new SimLot(lotId(at, product), product, at, mass, Composition.ofArray(mg), trueMass, trueMg,
                xenotimeHosted);
        return lot;
    }

    /** Adds a made lot to the holdings of its facility. */
    public void hold(SimLot lot) {
        held(lot.at).add(lot);
    }

    /**
     * Ships a lot and has the destination receive and weigh it: a Ship and a Receive event. The receiving scale
     * has the form's weighing error; a weighing above the shipped mass by more than the ledger's tolerance would
     * be disputed and re-weighed, so it is capped there. A lighter weighing takes elements away in proportion, as
     * the ledger books it. A lost-in-transit fraud at the shipper keeps the first lots of the month from arriving;
     * a transit skim takes its share of every lot between the two weighings.
     */
    public void ship(SimLot lot, FacilityId to, boolean arrives) {
        held(lot.at).remove(lot);
        FacilityId from = lot.at;
        EventId shipment = emit(id -> new Ship(id, time(), from, lot.id, to));
        if (!arrives) {
            return;
        }
        FraudSpec lost = lot.product == Product.RESIDUE ? null : fraud(FraudType.LOST_IN_TRANSIT, from.value());
        if (lost != null && lostThisMonth.merge(from.value(), 1, Integer::sum) <= (int) lost.amount()) {
            truth(new GroundTruth(FraudType.LOST_IN_TRANSIT, lot.id.value(), month, shipment.value(), lot.trueMass / 1e6,
                    "shipped from " + from + " to " + to + " and never received"));
            return;
        }
        FraudSpec skim = fraud(FraudType.TRANSIT_SKIM, from.value());
        if (skim != null) {
            double taken = lot.trueMass * skim.amount();
            lot.trueMass -= taken;
            for (int i = 0; i < lot.trueMg.length; i++) {
                lot.trueMg[i] *= 1 - skim.amount();
            }
            truth(new GroundTruth(FraudType.TRANSIT_SKIM, from.value(), month, shipment.value(), taken / 1e6,
                    "lot " + lot.id + " lost " + skim.amount() * 100 + " % of its mass between " + from + " and " + to));
        }
        Uncertainty u = scenario.measurement().of(lot.product.form());
        double w = 1 + u.weighingRsd() * random("weigh/" + to.value()).nextGaussian();
        long shipped = lot.bookedMass;
        long received = Math.max(1, Math.min(Math.round(lot.trueMass * w),
                shipped + Tolerance.DEFAULT.allowanceMg(shipped)));
        emit(id -> new Receive(id, time(), to, lot.id, org.reetrace.core.composition.Mass.ofMilligrams(received)));
        if (received < shipped) {
            lot.booked = lot.booked.share(received, shipped);
        }
        lot.bookedMass = received;
        lot.at = to;
        held(to).add(lot);
    }

    /**
     * A new lot booked with exactly the elements of {@code from} under another product and mass: what a sham
     * process declares. The truth (what the material physically is and weighs) stays that of {@code from}.
     */
    public SimLot relabel(SimLot from, Product product, long bookedMass) {
        return new SimLot(lotId(from.at, product), product, from.at, bookedMass, from.booked, from.trueMass,
                from.trueMg, null);
    }
}
