package org.reetrace.core.analytics;

import java.time.Instant;
import java.time.Year;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

import org.reetrace.core.element.Element;
import org.reetrace.core.event.Adjust;
import org.reetrace.core.event.Assay;
import org.reetrace.core.event.Dispose;
import org.reetrace.core.event.EventId;
import org.reetrace.core.event.Export;
import org.reetrace.core.event.Extract;
import org.reetrace.core.event.Import;
import org.reetrace.core.event.LedgerEvent;
import org.reetrace.core.event.Receive;
import org.reetrace.core.event.Reverse;
import org.reetrace.core.event.Ship;
import org.reetrace.core.event.Transform;
import org.reetrace.core.ledger.Entry;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.lot.LotStatus;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.lot.MaterialForm;
import org.reetrace.core.process.ProcessKind;
import org.reetrace.core.registry.FacilityId;

/**
 * Monthly material balances of every facility, kept from the ledger's accepted entries as they come, per element.
 * Each facility is a material balance area; a month is its balance period. Receipts are counted as the receiver
 * weighed them, shipments as the shipper booked them, so a difference in transit (shipper-receiver difference) is
 * in neither facility's MUF.
 *
 * <p>sigma-MUF: every booked lot composition is a measurement made where the lot was made (extracted, produced,
 * imported or re-assayed), with the random and systematic errors {@link MeasurementModel} states for its form. A
 * lot's error enters a month's MUF with the net amount of it that the month's transformations consumed minus what
 * they produced, so an intermediate made and used up in the same month cancels, as it should. Systematic errors
 * are shared by all lots of one form measured at one facility in one month (one calibration period). Lots that
 * merely pass through (received, shipped on, or held) cancel between receipts, shipments and inventory and carry
 * no error into MUF. Approximations: an error of a lot consumed over several months is treated as independent in
 * each; errors of stock-take adjustments and re-assays are not modelled. sigma-MUF is never below the model's
 * {@link MeasurementModel.SigmaFloor floor}, so it is never zero.
 *
 * <p>Events are booked into the month of their time (at {@code offset}); an event older than its facility's open
 * month is booked into the open month, since a closed balance is never rewritten. Not thread-safe: one reader of
 * the ledger's entries feeds it, in order.
 */
public final class MaterialBalanceBook {

    private static final int N = Element.count();

    private final MeasurementModel model;
    private final LossModel losses;
    private final ZoneOffset offset;
    private final List<Consumer<ProcessRun>> runListeners = new ArrayList<>();
    private final Map<LotId, LotState> lots = new HashMap<>();
    private final Map<FacilityId, long[]> inventory = new HashMap<>();
    private final Map<FacilityId, OpenMonth> open = new HashMap<>();
    private final Map<FacilityId, NavigableMap<YearMonth, ClosedMonth>> closed = new HashMap<>();
    /** Entries accepted so far: an open month's balance as it stands holds until the next one. */
    private long version;

    public MaterialBalanceBook(MeasurementModel model, LossModel losses, ZoneOffset offset) {
        this.model = Objects.requireNonNull(model, "measurement model");
        this.losses = Objects.requireNonNull(losses, "loss model");
        this.offset = Objects.requireNonNull(offset, "offset");
    }

    /** Called with every transformation as it is booked. */
    public void onProcessRun(Consumer<ProcessRun> listener) {
        runListeners.add(listener);
    }

    public YearMonth monthOf(Instant time) {
        return YearMonth.from(time.atOffset(offset));
    }

    public void accept(Entry entry) {
        version++;
        LedgerEvent event = entry.event();
        YearMonth month = monthOf(event.time());
        switch (event) {
            case Extract e -> receipt(e.facility(), month, lotAfter(entry, e.lot()), true);
            case Import e -> receipt(e.facility(), month, lotAfter(entry, e.lot()), true);
            case Receive e -> receipt(e.facility(), month, lotAfter(entry, e.lot()), false);
            case Ship e -> removal(e.facility(), month, e.lot(), LotStateChange.IN_TRANSIT);
            case Export e -> removal(e.facility(), month, e.lot(), LotStateChange.GONE);
            case Dispose e -> removal(e.facility(), month, e.lot(), LotStateChange.GONE);
            case Transform e -> transform(e, entry, month);
            case Adjust e -> adjustment(e.facility(), month, e.id(), lotAfter(entry, e.lot()), false);
            case Assay e -> adjustment(e.facility(), month, e.id(), lotAfter(entry, e.lot()), true);
            case Reverse e -> correction(e, entry, month);
        }
    }

    /** Facilities that have booked anything, in id order. */
    public Set<FacilityId> facilities() {
        Set<FacilityId> all = new TreeSet<>(closed.keySet());
        all.addAll(open.keySet());
        return all;
    }

    /**
     * The balance of one facility, month and basis; no data if the facility booked nothing that month. The open
     * (latest) month is reported as it stands.
     */
    public Outcome<MaterialBalance> balance(FacilityId facility, YearMonth month, Basis basis) {
        OpenMonth om = open.get(facility);
        if (om != null && om.month.equals(month)) {
            return Outcome.measured(om.asItStands(inventoryOf(facility)).balance(facility, basis));
        }
        ClosedMonth cm = closed.getOrDefault(facility, new TreeMap<>()).get(month);
        if (cm == null) {
            return Outcome.noData(facility + " booked no event in " + month);
        }
        return Outcome.measured(cm.balance(facility, basis));
    }

    /** Every month in which the facility booked something, oldest first, including the open month. */
    public List<MaterialBalance> balances(FacilityId facility, Basis basis) {
        return balances(facility, basis, YearMonth.of(Year.MAX_VALUE, 12));
    }

    /**
     * The months before {@code before} in which the facility booked something, oldest first. The open month's
     * balance is worked out from every lot it moved, so a question about earlier months leaves it alone.
     */
    public List<MaterialBalance> balances(FacilityId facility, Basis basis, YearMonth before) {
        List<MaterialBalance> out = new ArrayList<>();
        closed.getOrDefault(facility, new TreeMap<>()).headMap(before, false).values()
                .forEach(cm -> out.add(cm.balance(facility, basis)));
        OpenMonth om = open.get(facility);
        if (om != null && om.month.isBefore(before)) {
            out.add(om.asItStands(inventoryOf(facility)).balance(facility, basis));
        }
        return out;
    }

    // --- booking ------------------------------------------------------------------------------------------------

    private void receipt(FacilityId at, YearMonth month, Lot lot, boolean made) {
        OpenMonth om = account(at, month);
        long[] mg = lot.composition().toArray();
        add(om.receipts, mg, 1);
        add(inventoryOf(at), mg, 1);
        LotState s = lots.get(lot.id());
        if (s == null || made) {
            s = new LotState(lot.form(), at, month);
            lots.put(lot.id(), s);
        }
        s.facility = at;
        s.mg = mg;
    }

    private enum LotStateChange { IN_TRANSIT, GONE }

    private void removal(FacilityId at, YearMonth month, LotId id, LotStateChange change) {
        OpenMonth om = account(at, month);
        LotState s = known(id);
        add(om.shipments, s.mg, 1);
        add(inventoryOf(at), s.mg, -1);
        if (change == LotStateChange.GONE) {
            lots.remove(id);
        }
    }

    private void transform(Transform t, Entry entry, YearMonth month) {
        OpenMonth om = account(t.facility(), month);
        long[] inv = inventoryOf(t.facility());
        Map<LotId, Lot> after = lotsAfter(entry);
        long[] in = new long[N];
        for (Transform.Input input : t.inputs()) {
            LotState s = known(input.lot());
            long[] remaining = after.get(input.lot()).composition().toArray();
            long[] used = new long[N];
            for (int i = 0; i < N; i++) {
                used[i] = s.mg[i] - remaining[i];
            }
            add(in, used, 1);
            om.item(input.lot(), s.group(), model.of(s.form), used, 1);
            s.mg = remaining;
            if (after.get(input.lot()).mass().isZero()) {
                lots.remove(input.lot());
            }
        }
        add(om.throughput, in, 1);
        add(om.throughputByProcess.computeIfAbsent(t.process(), p -> new long[N]), in, 1);
        add(inv, in, -1);
        long[] out = new long[N];
        long product = 0;
        long residue = 0;
        for (Transform.Output output : t.outputs()) {
            long[] mg = output.composition().toArray();
            LotState s = new LotState(output.form(), t.facility(), month);
            s.mg = mg;
            lots.put(output.lot(), s);
            add(out, mg, 1);
            om.item(output.lot(), s.group(), model.of(output.form()), mg, -1);
            long ree = ree(mg);
            if (output.form() == MaterialForm.RESIDUE) {
                residue += ree;
            } else {
                product += ree;
            }
        }
        add(inv, out, 1);
        long[] declared = t.declaredLoss().toArray();
        add(om.declaredLoss, declared, 1);
        for (int i = 0; i < N; i++) {
            om.unexplained[i] += in[i] - out[i] - declared[i];
        }
        om.events.add(t.id());
        ProcessRun run = new ProcessRun(t.id(), t.facility(), month, t.process(), ree(in), product, residue, ree(declared));
        runListeners.forEach(l -> l.accept(run));
    }

    private void adjustment(FacilityId at, YearMonth month, EventId id, Lot lot, boolean remeasured) {
        OpenMonth om = account(at, month);
        LotState s = known(lot.id());
        long[] now = lot.composition().toArray();
        long[] delta = new long[N];
        for (int i = 0; i < N; i++) {
            delta[i] = s.mg[i] - now[i];
        }
        add(om.adjusted, delta, 1);
        add(inventoryOf(at), delta, -1);
        s.mg = now;
        if (remeasured) {
            // the assay is now the lot's measurement: its errors are this laboratory's
            s.madeAt = at;
            s.madeIn = month;
        }
        om.events.add(id);
    }

    /**
     * A reversal, booked in its own month as the mirror of the original: a closed balance is never rewritten, so
     * the original's month keeps its figures and the reversal's month takes them back. A receipt taken back
     * (extraction, import, receipt) is a negative receipt, a shipment taken back (shipment, export, disposal) a
     * negative shipment: neither is MUF, as the original was not. What the original changed in place (a
     * transformation's inputs and outputs, a stock-take, an assay) was MUF, so the reversal books the inventory it
     * restores as an adjustment of the opposite sign, and the two months' MUF cancel. Approximation: the
     * measurement errors of the lots a reversed transformation made stay in the original month's sigma-MUF.
     */
    private void correction(Reverse r, Entry entry, YearMonth month) {
        Map<LotId, Lot> before = new HashMap<>();
        entry.before().forEach(l -> before.put(l.id(), l));
        boolean alone = entry.lots().size() == 1;
        Map<FacilityId, long[]> receipts = new TreeMap<>();
        Map<FacilityId, long[]> shipments = new TreeMap<>();
        Map<FacilityId, long[]> adjusted = new TreeMap<>();
        for (Lot after : entry.lots()) {
            Lot was = before.get(after.id());
            LotStatus from = was.status();
            LotStatus to = after.status();
            if (from == LotStatus.ACTIVE && (to == LotStatus.IN_TRANSIT || to == LotStatus.VOID && alone)) {
                add(receipts.computeIfAbsent(was.facility(), f -> new long[N]), was.composition().toArray(), -1);
            } else if (to == LotStatus.ACTIVE && (from == LotStatus.IN_TRANSIT || from == LotStatus.EXPORTED
                    || from == LotStatus.DISPOSED)) {
                add(shipments.computeIfAbsent(after.facility(), f -> new long[N]), after.composition().toArray(), -1);
            } else {
                // changed in place: old minus new, as a stock-take books it
                if (from == LotStatus.ACTIVE) {
                    add(adjusted.computeIfAbsent(was.facility(), f -> new long[N]), was.composition().toArray(), 1);
                }
                if (to == LotStatus.ACTIVE) {
                    add(adjusted.computeIfAbsent(after.facility(), f -> new long[N]), after.composition().toArray(), -1);
                }
            }
            if (to.isOpen()) {
                LotState s = lots.computeIfAbsent(after.id(), id -> new LotState(after.form(), after.facility(), month));
                s.facility = after.facility();
                s.mg = after.composition().toArray();
            } else {
                lots.remove(after.id());
            }
        }
        Set<FacilityId> touched = new TreeSet<>(receipts.keySet());
        touched.addAll(shipments.keySet());
        touched.addAll(adjusted.keySet());
        for (FacilityId at : touched) {
            OpenMonth om = account(at, month);
            long[] received = receipts.getOrDefault(at, new long[N]);
            long[] shipped = shipments.getOrDefault(at, new long[N]);
            long[] delta = adjusted.getOrDefault(at, new long[N]);
            add(om.receipts, received, 1);
            add(om.shipments, shipped, 1);
            add(om.adjusted, delta, 1);
            long[] inventory = inventoryOf(at);
            add(inventory, received, 1);
            add(inventory, shipped, -1);
            add(inventory, delta, -1);
            om.events.add(r.id());
        }
    }

    private OpenMonth account(FacilityId facility, YearMonth month) {
        OpenMonth om = open.get(facility);
        if (om == null) {
            om = new OpenMonth(facility, month, inventoryOf(facility).clone());
            open.put(facility, om);
        } else if (month.isAfter(om.month)) {
            closed.computeIfAbsent(facility, f -> new TreeMap<>()).put(om.month, om.close(inventoryOf(facility)));
            om = new OpenMonth(facility, month, inventoryOf(facility).clone());
            open.put(facility, om);
        }
        return om;
    }

    private long[] inventoryOf(FacilityId facility) {
        return inventory.computeIfAbsent(facility, f -> new long[N]);
    }

    private LotState known(LotId id) {
        LotState s = lots.get(id);
        if (s == null) {
            throw new IllegalStateException("lot " + id + " was never booked here: feed every accepted entry, in order");
        }
        return s;
    }

    private static Lot lotAfter(Entry entry, LotId id) {
        for (Lot l : entry.lots()) {
            if (l.id().equals(id)) {
                return l;
            }
        }
        throw new IllegalStateException("entry " + entry.sequence() + " does not carry lot " + id);
    }

    private static Map<LotId, Lot> lotsAfter(Entry entry) {
        Map<LotId, Lot> m = new HashMap<>();
        entry.lots().forEach(l -> m.put(l.id(), l));
        return m;
    }

    private static void add(long[] into, long[] v, int sign) {
        for (int i = 0; i < N; i++) {
            into[i] += sign * v[i];
        }
    }

    static long ree(long[] mg) {
        long s = 0;
        for (int i = 0; i < N; i++) {
            if (Element.byIndex(i).isRareEarth()) {
                s += mg[i];
            }
        }
        return s;
    }

    // --- state --------------------------------------------------------------------------------------------------

    /** Where a lot is and who measured its composition: the laboratory, month and form that fix its errors. */
    private static final class LotState {
        final MaterialForm form;
        FacilityId facility;
        FacilityId madeAt;
        YearMonth madeIn;
        long[] mg;

        LotState(MaterialForm form, FacilityId madeAt, YearMonth madeIn) {
            this.form = form;
            this.madeAt = madeAt;
            this.facility = madeAt;
            this.madeIn = madeIn;
        }

        MeasurementGroup group() {
            return new MeasurementGroup(madeAt, madeIn, form);
        }
    }

    /** Lots whose systematic error is one and the same: one laboratory, one calibration period, one form. */
    private record MeasurementGroup(FacilityId laboratory, YearMonth period, MaterialForm form) {
    }

    /** A measured lot's net amount in a month's MUF: consumed minus produced. */
    private static final class Item {
        final MeasurementGroup group;
        final Uncertainty uncertainty;
        final long[] net = new long[N];

        Item(MeasurementGroup group, Uncertainty uncertainty) {
            this.group = group;
            this.uncertainty = uncertainty;
        }
    }

    private final class OpenMonth {
        final FacilityId facility;
        final YearMonth month;
        final long[] beginning;
        final long[] receipts = new long[N];
        final long[] shipments = new long[N];
        final long[] throughput = new long[N];
        final long[] declaredLoss = new long[N];
        final long[] unexplained = new long[N];
        final long[] adjusted = new long[N];
        final Map<ProcessKind, long[]> throughputByProcess = new EnumMap<>(ProcessKind.class);
        final Map<LotId, Item> items = new LinkedHashMap<>();
        final List<EventId> events = new ArrayList<>();
        private ClosedMonth standing;
        private long standingVersion;

        OpenMonth(FacilityId facility, YearMonth month, long[] beginning) {
            this.facility = facility;
            this.month = month;
            this.beginning = beginning;
        }

        void item(LotId lot, MeasurementGroup group, Uncertainty u, long[] mg, int sign) {
            Item it = items.computeIfAbsent(lot, l -> new Item(group, u));
            add(it.net, mg, sign);
        }

        /** The month as it stands, worked out once per entry accepted. */
        ClosedMonth asItStands(long[] ending) {
            if (standing == null || standingVersion != version) {
                standing = close(ending);
                standingVersion = version;
            }
            return standing;
        }

        ClosedMonth close(long[] ending) {
            List<Spread> random = new ArrayList<>();
            Map<MeasurementGroup, double[]> groups = new HashMap<>();
            for (Item it : items.values()) {
                double[] net = new double[N];
                double[] g = groups.computeIfAbsent(it.group, k -> new double[N]);
                for (int i = 0; i < N; i++) {
                    net[i] = it.net[i];
                    g[i] += it.net[i];
                }
                random.add(new Spread(it.uncertainty, net));
            }
            List<Spread> systematic = new ArrayList<>();
            groups.forEach((group, sums) -> systematic.add(new Spread(model.of(group.form()), sums)));
            List<Loss> expectedLosses = new ArrayList<>();
            throughputByProcess.forEach((process, in) -> expectedLosses.add(new Loss(losses.of(facility, process),
                    in.clone())));
            return new ClosedMonth(month, beginning, receipts.clone(), shipments.clone(), ending.clone(),
                    throughput.clone(), declaredLoss.clone(), unexplained.clone(), adjusted.clone(), random,
                    systematic, expectedLosses, model.floor(), List.copyOf(events));
        }
    }

    /** Element masses (mg) that one error applies to: a lot's net amount, or a calibration group's sum. */
    private record Spread(Uncertainty uncertainty, double[] mg) {

        double sum(Basis basis) {
            double s = 0;
            for (int i = 0; i < N; i++) {
                if (basis.counts(Element.byIndex(i))) {
                    s += mg[i];
                }
            }
            return s;
        }

        double sumOfSquares(Basis basis) {
            double s = 0;
            for (int i = 0; i < N; i++) {
                if (basis.counts(Element.byIndex(i))) {
                    s += mg[i] * mg[i];
                }
            }
            return s;
        }
    }

    /**
     * A process's expected loss on what it consumed. The rate applies to every element of the stream, thorium and
     * uranium too: an unmeasured loss (dust, spills, tailings carry-over) takes the material as it is.
     */
    private record Loss(LossExpectation expectation, long[] in) {

        double in(Basis basis) {
            double s = 0;
            for (int i = 0; i < N; i++) {
                if (basis.counts(Element.byIndex(i))) {
                    s += in[i];
                }
            }
            return s;
        }
    }

    private static double sq(double v) {
        return v * v;
    }

    /**
     * A month as it closed. Expected loss and sigma-MUF are worked out for a basis when first asked: a basis sums
     * its elements' net amounts before the errors apply, since a lot's weighing, grade and calibration errors are
     * shared by all its elements.
     */
    private static final class ClosedMonth {
        final YearMonth month;
        final long[] beginning;
        final long[] receipts;
        final long[] shipments;
        final long[] ending;
        final long[] throughput;
        final long[] declaredLoss;
        final long[] unexplained;
        final long[] adjusted;
        final List<Spread> random;
        final List<Spread> systematic;
        final List<Loss> losses;
        final MeasurementModel.SigmaFloor floor;
        final List<EventId> events;
        private final Map<Basis, double[]> moments = new HashMap<>();
        /** The balances asked for, by basis: a closed month never changes, and the tests ask for it with every batch. */
        private final Map<Basis, MaterialBalance> balances = new HashMap<>();

        ClosedMonth(YearMonth month, long[] beginning, long[] receipts, long[] shipments, long[] ending,
                    long[] throughput, long[] declaredLoss, long[] unexplained, long[] adjusted, List<Spread> random,
                    List<Spread> systematic, List<Loss> losses, MeasurementModel.SigmaFloor floor,
                    List<EventId> events) {
            this.month = month;
            this.beginning = beginning;
            this.receipts = receipts;
            this.shipments = shipments;
            this.ending = ending;
            this.throughput = throughput;
            this.declaredLoss = declaredLoss;
            this.unexplained = unexplained;
            this.adjusted = adjusted;
            this.random = List.copyOf(random);
            this.systematic = List.copyOf(systematic);
            this.losses = List.copyOf(losses);
            this.floor = floor;
            this.events = events;
        }

        /** Expected loss and the variance of MUF on a basis, from the model. */
        private synchronized double[] moments(Basis basis) {
            return moments.computeIfAbsent(basis, b -> {
                double variance = 0;
                for (Spread s : random) {
                    variance += s.uncertainty().randomVarianceOfSum(s.sum(b), s.sumOfSquares(b));
                }
                for (Spread s : systematic) {
                    variance += sq(s.uncertainty().systematicRsd() * s.sum(b));
                }
                double expected = 0;
                for (Loss l : losses) {
                    double in = l.in(b);
                    expected += l.expectation().rate() * in;
                    variance += sq(l.expectation().rateSd() * in);
                }
                return new double[] {expected, variance};
            });
        }

        synchronized MaterialBalance balance(FacilityId facility, Basis basis) {
            MaterialBalance known = balances.get(basis);
            if (known != null && known.facility().equals(facility)) {
                return known;
            }
            MaterialBalance b = worked(facility, basis);
            balances.put(basis, b);
            return b;
        }

        private MaterialBalance worked(FacilityId facility, Basis basis) {
            double[] m = moments(basis);
            long bi = sum(beginning, basis);
            long r = sum(receipts, basis);
            long s = sum(shipments, basis);
            long ei = sum(ending, basis);
            long t = sum(throughput, basis);
            double sigma = Math.max(Math.sqrt(m[1]), floor.of(bi, r, s, ei, t));
            return new MaterialBalance(facility, month, basis, bi, r, s, ei, t, sum(declaredLoss, basis),
                    sum(unexplained, basis), sum(adjusted, basis), m[0], sigma, events);
        }

        private static long sum(long[] mg, Basis basis) {
            long s = 0;
            for (int i = 0; i < N; i++) {
                if (basis.counts(Element.byIndex(i))) {
                    s += mg[i];
                }
            }
            return s;
        }
    }
}
