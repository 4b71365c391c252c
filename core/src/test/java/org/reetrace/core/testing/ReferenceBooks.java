package org.reetrace.core.testing;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.reetrace.core.composition.Composition;
import org.reetrace.core.element.Element;
import org.reetrace.core.event.Adjust;
import org.reetrace.core.event.Assay;
import org.reetrace.core.event.Dispose;
import org.reetrace.core.event.Export;
import org.reetrace.core.event.Extract;
import org.reetrace.core.event.Import;
import org.reetrace.core.event.LedgerEvent;
import org.reetrace.core.event.EventId;
import org.reetrace.core.event.Reverse;
import org.reetrace.core.event.Receive;
import org.reetrace.core.event.Ship;
import org.reetrace.core.event.Transform;
import org.reetrace.core.ledger.Balance;
import org.reetrace.core.ledger.Entry;
import org.reetrace.core.ledger.Ledger;
import org.reetrace.core.ledger.Tolerance;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.lot.LotStatus;
import org.reetrace.core.lot.MaterialForm;
import org.reetrace.core.registry.Facility;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.registry.FacilityKind;
import org.reetrace.core.registry.Registry;

/**
 * A plain reference model of the books, written apart from {@link Ledger}: per-element sums of what entered
 * (extracted, imported), what every lot holds by status, what was declared lost, booked unexplained and adjusted,
 * and each lot's remaining mass, status and place. It is updated only from accepted events' own fields.
 *
 * <p>One thing event fields cannot fix: which milligram goes where when part of a lot is used (a partial
 * transformation input, a receipt that weighs less than shipped). There the model reads the ledger's resulting
 * lot from the {@link Entry}, but first checks that every element is the exact proportional share rounded up or
 * down, and never more than the lot had; outside that it fails with an {@link AssertionError}.
 *
 * <p>{@link #predict} says which refusal codes an event deserves from the rules as the design states them, also
 * independently of the ledger: {@code must} codes are certain violations, {@code may} codes depend on that rounding
 * (a transformation whose output sits on the tolerance boundary).
 */
public final class ReferenceBooks {

    /** The refusals an event deserves: it is valid exactly when both sets are empty. */
    public record Prediction(Set<String> must, Set<String> may) {
        public boolean certainlyValid() {
            return must.isEmpty() && may.isEmpty();
        }

        public boolean certainlyInvalid() {
            return !must.isEmpty();
        }

        /** Whether {@code code} is a refusal this event deserves. */
        public boolean allows(String code) {
            return must.contains(code) || may.contains(code);
        }
    }

    /** What an accepted transformation put in, per element, as the model booked it (invariant 4's "in"). */
    public record Booked(long[] in, long[] out, long[] loss) {
    }

    private static final class RefLot {
        final LotId id;
        final MaterialForm form;
        long mass;
        long[] comp;
        FacilityId facility;
        LotStatus status = LotStatus.ACTIVE;
        FacilityId destination;

        RefLot(LotId id, MaterialForm form, long mass, long[] comp, FacilityId facility) {
            this.id = id;
            this.form = form;
            this.mass = mass;
            this.comp = comp;
            this.facility = facility;
        }

        RefLot copy() {
            RefLot c = new RefLot(id, form, mass, comp.clone(), facility);
            c.status = status;
            c.destination = destination;
            return c;
        }

        boolean sameAs(RefLot o) {
            return o != null && mass == o.mass && Arrays.equals(comp, o.comp) && facility.equals(o.facility)
                    && status == o.status && java.util.Objects.equals(destination, o.destination);
        }
    }

    /**
     * What an accepted event did, kept so that a reversal can be predicted and booked without the ledger's help:
     * its lots before (null: created) and after, copied, and its change to each account.
     */
    private record Booking(FacilityId facility, boolean reversal, Map<LotId, RefLot> before, Map<LotId, RefLot> after,
                           long[][] delta) {
    }

    private final Registry registry;
    private final Tolerance tolerance;
    private final Map<LotId, RefLot> lots = new LinkedHashMap<>();
    private final long[] extracted = new long[Element.count()];
    private final long[] imported = new long[Element.count()];
    private final long[] lost = new long[Element.count()];
    private final long[] unexplained = new long[Element.count()];
    private final long[] adjusted = new long[Element.count()];
    private final Map<EventId, Booking> bookings = new HashMap<>();
    private final Map<EventId, EventId> reversedBy = new HashMap<>();
    /** The last accepted event that changed each lot. */
    private final Map<LotId, EventId> lastChange = new HashMap<>();

    public ReferenceBooks(Registry registry, Tolerance tolerance) {
        this.registry = registry;
        this.tolerance = tolerance;
    }

    // ---------------------------------------------------------------- predictions

    public Prediction predict(LedgerEvent event) {
        Set<String> must = new LinkedHashSet<>();
        Set<String> may = new LinkedHashSet<>();
        Optional<Facility> actor = registry.facility(event.facility());
        if (actor.isEmpty()) {
            return new Prediction(Set.of("facility.unknown"), Set.of());
        }
        Facility f = actor.get();
        switch (event) {
            case Extract e -> {
                if (!f.kind().extracts()) {
                    must.add("facility.not-a-mine");
                }
                if (e.form() != MaterialForm.ORE && e.form() != MaterialForm.CONCENTRATE) {
                    must.add("form.not-extractable");
                }
                newLot(must, e.lot(), e.mass().mg(), e.composition());
            }
            case Import e -> newLot(must, e.lot(), e.mass().mg(), e.composition());
            case Assay e -> {
                RefLot lot = held(must, e.lot(), f.id());
                if (lot != null && e.measured().totalMg() > lot.mass) {
                    must.add("composition.exceeds-mass");
                }
                if (lot != null && isZero(lot.comp) && !e.measured().isZero()) {
                    must.add("lot.no-provenance");
                }
            }
            case Adjust e -> {
                RefLot lot = held(must, e.lot(), f.id());
                if (e.composition().totalMg() > e.mass().mg()) {
                    must.add("composition.exceeds-mass");
                }
                if (lot != null && isZero(lot.comp) && !e.composition().isZero()) {
                    must.add("lot.no-provenance");
                }
            }
            case Ship e -> {
                held(must, e.lot(), f.id());
                if (registry.facility(e.destination()).isEmpty()) {
                    must.add("facility.unknown");
                }
                if (e.destination().equals(f.id())) {
                    must.add("ship.to-itself");
                }
            }
            case Receive e -> {
                RefLot lot = lots.get(e.lot());
                if (lot == null) {
                    must.add("lot.unknown");
                } else if (lot.status != LotStatus.IN_TRANSIT) {
                    must.add("lot.not-in-transit");
                } else if (!lot.destination.equals(f.id())) {
                    must.add("lot.not-addressed");
                }
                if (e.receivedMass().isZero()) {
                    must.add("mass.not-positive");
                }
                if (lot != null && e.receivedMass().mg() > lot.mass + tolerance.allowanceMg(lot.mass)) {
                    must.add("mass.gain-beyond-tolerance");
                }
            }
            case Export e -> held(must, e.lot(), f.id());
            case Dispose e -> {
                if (f.kind() != FacilityKind.DISPOSAL_FACILITY) {
                    must.add("facility.not-disposal");
                }
                RefLot lot = held(must, e.lot(), f.id());
                if (lot != null && lot.form != MaterialForm.RESIDUE) {
                    must.add("form.not-residue");
                }
            }
            case Transform e -> predictTransform(e, f, must, may);
            case Reverse e -> predictReverse(e, f, must, may);
        }
        may.removeAll(must);
        return new Prediction(Collections.unmodifiableSet(must), Collections.unmodifiableSet(may));
    }

    private void predictReverse(Reverse e, Facility f, Set<String> must, Set<String> may) {
        Booking b = bookings.get(e.original());
        if (b == null) {
            must.add("reverse.unknown-event");
        } else if (b.reversal()) {
            must.add("reverse.of-reversal");
        } else if (!b.facility().equals(f.id())) {
            must.add("reverse.not-holder");
        } else if (reversedBy.containsKey(e.original())) {
            must.add("reverse.already-reversed");
        } else {
            for (RefLot after : b.after().values()) {
                if (e.original().equals(lastChange.get(after.id))) {
                    continue;
                }
                // later events touched it; if they left it exactly as the original did (the model does not see
                // pedigree, holder or activity) the ledger may still reverse
                if (after.sameAs(lots.get(after.id))) {
                    may.add("reverse.lot-changed-since");
                } else {
                    must.add("reverse.lot-changed-since");
                }
            }
        }
    }

    private void predictTransform(Transform e, Facility f, Set<String> must, Set<String> may) {
        if (!f.licensedFor(e.process())) {
            must.add("process.not-licensed");
        }
        if (e.inputs().isEmpty()) {
            must.add("transform.no-inputs");
        }
        if (e.outputs().isEmpty()) {
            must.add("transform.no-outputs");
        }
        Set<LotId> seen = new HashSet<>();
        boolean inputsValid = true;
        long[] inLo = new long[Element.count()];
        long[] inHi = new long[Element.count()];
        boolean poolCertainlyEmpty = true;
        boolean poolMaybeEmpty = true;
        for (Transform.Input input : e.inputs()) {
            if (!seen.add(input.lot())) {
                must.add("transform.duplicate-lot");
                inputsValid = false;
                continue;
            }
            RefLot lot = held(must, input.lot(), f.id());
            if (lot == null) {
                inputsValid = false;
                continue;
            }
            if (input.mass().isZero()) {
                must.add("mass.not-positive");
                inputsValid = false;
                continue;
            }
            if (input.mass().mg() > lot.mass) {
                must.add("lot.exceeds-remaining");
                inputsValid = false;
                continue;
            }
            for (int i = 0; i < inLo.length; i++) {
                long lo = floorShare(lot.comp[i], input.mass().mg(), lot.mass);
                long hi = ceilShare(lot.comp[i], input.mass().mg(), lot.mass);
                inLo[i] += lo;
                inHi[i] += hi;
                poolCertainlyEmpty &= hi == 0;
                poolMaybeEmpty &= lo == 0;
            }
        }
        long[] accounted = e.declaredLoss().toArray();
        boolean outputsNonZero = false;
        for (Transform.Output output : e.outputs()) {
            if (!seen.add(output.lot())) {
                must.add("transform.duplicate-lot");
            }
            newLot(must, output.lot(), output.mass().mg(), output.composition());
            long[] c = output.composition().toArray();
            for (int i = 0; i < c.length; i++) {
                accounted[i] += c[i];
            }
            outputsNonZero |= !output.composition().isZero();
        }
        if (!inputsValid || e.inputs().isEmpty()) {
            return;
        }
        for (int i = 0; i < accounted.length; i++) {
            // the excess shrinks and the allowance grows with the input: the boundary case is decided by rounding
            if (accounted[i] - inHi[i] > tolerance.allowanceMg(inHi[i])) {
                must.add("transform.creates-element");
            } else if (accounted[i] - inLo[i] > tolerance.allowanceMg(inLo[i])) {
                may.add("transform.creates-element");
            }
        }
        if (outputsNonZero && poolCertainlyEmpty) {
            must.add("transform.no-provenance");
        } else if (outputsNonZero && poolMaybeEmpty) {
            may.add("transform.no-provenance");
        }
    }

    private void newLot(Set<String> must, LotId id, long mass, Composition composition) {
        if (lots.containsKey(id) && lots.get(id).status != LotStatus.VOID) {
            must.add("lot.exists");
        }
        if (mass == 0) {
            must.add("mass.not-positive");
        }
        if (composition.totalMg() > mass) {
            must.add("composition.exceeds-mass");
        }
    }

    private RefLot held(Set<String> must, LotId id, FacilityId actor) {
        RefLot lot = lots.get(id);
        if (lot == null) {
            must.add("lot.unknown");
            return null;
        }
        if (lot.status != LotStatus.ACTIVE) {
            must.add("lot.closed");
            return null;
        }
        if (!lot.facility.equals(actor)) {
            must.add("lot.not-held");
            return null;
        }
        return lot;
    }

    // ---------------------------------------------------------------- bookings

    /**
     * Books an event the ledger accepted. Returns what went in and out for a transformation, else null.
     *
     * @throws AssertionError if the ledger's split of a partly used lot is not the proportional share
     */
    public Booked accept(LedgerEvent event, Entry entry) {
        Map<LotId, RefLot> before = new LinkedHashMap<>();
        for (Lot l : entry.lots()) {
            RefLot r = lots.get(l.id());
            before.put(l.id(), r == null ? null : r.copy());
        }
        long[][] accounts = {extracted.clone(), imported.clone(), lost.clone(), unexplained.clone(), adjusted.clone()};
        Booked booked = book(event, entry);
        long[][] now = {extracted, imported, lost, unexplained, adjusted};
        for (int a = 0; a < now.length; a++) {
            for (int i = 0; i < now[a].length; i++) {
                accounts[a][i] = now[a][i] - accounts[a][i];
            }
        }
        Map<LotId, RefLot> after = new LinkedHashMap<>();
        for (LotId id : before.keySet()) {
            after.put(id, lots.get(id).copy());
            lastChange.put(id, event.id());
        }
        bookings.put(event.id(), new Booking(event.facility(), event instanceof Reverse, before, after, accounts));
        return booked;
    }

    private Booked book(LedgerEvent event, Entry entry) {
        switch (event) {
            case Extract e -> {
                add(extracted, e.composition().toArray(), 1);
                lots.put(e.lot(), new RefLot(e.lot(), e.form(), e.mass().mg(), e.composition().toArray(), e.facility()));
            }
            case Import e -> {
                add(imported, e.composition().toArray(), 1);
                lots.put(e.lot(), new RefLot(e.lot(), e.form(), e.mass().mg(), e.composition().toArray(), e.facility()));
            }
            case Assay e -> {
                RefLot lot = lots.get(e.lot());
                add(adjusted, lot.comp, 1);
                add(adjusted, e.measured().toArray(), -1);
                lot.comp = e.measured().toArray();
            }
            case Adjust e -> {
                RefLot lot = lots.get(e.lot());
                add(adjusted, lot.comp, 1);
                add(adjusted, e.composition().toArray(), -1);
                lot.comp = e.composition().toArray();
                lot.mass = e.mass().mg();
                if (lot.mass == 0) {
                    lot.status = LotStatus.CONSUMED;
                }
            }
            case Ship e -> {
                RefLot lot = lots.get(e.lot());
                lot.status = LotStatus.IN_TRANSIT;
                lot.destination = e.destination();
            }
            case Receive e -> {
                RefLot lot = lots.get(e.lot());
                long received = e.receivedMass().mg();
                if (received < lot.mass) {
                    long[] arrived = fromEntry(entry, e.lot()).composition().toArray();
                    checkShare("receipt of lot " + e.lot(), lot.comp, received, lot.mass, arrived);
                    add(unexplained, lot.comp, 1);
                    add(unexplained, arrived, -1);
                    lot.comp = arrived;
                }
                lot.mass = received;
                lot.facility = e.facility();
                lot.status = LotStatus.ACTIVE;
                lot.destination = null;
            }
            case Export e -> lots.get(e.lot()).status = LotStatus.EXPORTED;
            case Dispose e -> lots.get(e.lot()).status = LotStatus.DISPOSED;
            case Transform e -> {
                return acceptTransform(e, entry);
            }
            case Reverse e -> {
                Booking original = bookings.get(e.original());
                original.before().forEach((id, was) -> {
                    if (was != null) {
                        lots.put(id, was.copy());
                    } else {
                        RefLot gone = lots.get(id);
                        gone.mass = 0;
                        gone.comp = new long[Element.count()];
                        gone.status = LotStatus.VOID;
                        gone.destination = null;
                    }
                });
                long[][] now = {extracted, imported, lost, unexplained, adjusted};
                for (int a = 0; a < now.length; a++) {
                    add(now[a], original.delta()[a], -1);
                }
                reversedBy.put(e.original(), e.id());
            }
        }
        return null;
    }

    private Booked acceptTransform(Transform e, Entry entry) {
        long[] in = new long[Element.count()];
        for (Transform.Input input : e.inputs()) {
            RefLot lot = lots.get(input.lot());
            long take = input.mass().mg();
            long[] used;
            if (take == lot.mass) {
                used = lot.comp.clone();
            } else {
                long[] left = fromEntry(entry, input.lot()).composition().toArray();
                used = new long[left.length];
                for (int i = 0; i < used.length; i++) {
                    used[i] = lot.comp[i] - left[i];
                }
                checkShare("input lot " + input.lot(), lot.comp, take, lot.mass, used);
            }
            add(in, used, 1);
            add(lot.comp, used, -1);
            lot.mass -= take;
            if (lot.mass == 0) {
                lot.status = LotStatus.CONSUMED;
            }
        }
        long[] out = new long[Element.count()];
        for (Transform.Output o : e.outputs()) {
            add(out, o.composition().toArray(), 1);
            lots.put(o.lot(), new RefLot(o.lot(), o.form(), o.mass().mg(), o.composition().toArray(), e.facility()));
        }
        long[] loss = e.declaredLoss().toArray();
        add(lost, loss, 1);
        add(unexplained, in, 1);
        add(unexplained, out, -1);
        add(unexplained, loss, -1);
        return new Booked(in, out, loss);
    }

    private static Lot fromEntry(Entry entry, LotId id) {
        return entry.lots().stream().filter(l -> l.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("the entry does not carry the changed lot " + id));
    }

    /** Each element of {@code part} is {@code whole * take / of} rounded up or down, and no more than the lot had. */
    private static void checkShare(String what, long[] whole, long take, long of, long[] part) {
        for (int i = 0; i < whole.length; i++) {
            long lo = floorShare(whole[i], take, of);
            long hi = ceilShare(whole[i], take, of);
            if (part[i] < lo || part[i] > hi || part[i] > whole[i]) {
                throw new AssertionError(what + ": " + Element.byIndex(i) + " share of " + take + "/" + of + " mg of "
                        + whole[i] + " mg must be " + lo + ".." + hi + " mg, ledger booked " + part[i] + " mg");
            }
        }
    }

    // ---------------------------------------------------------------- comparison

    /** Every way the ledger's books differ from this model; empty when they agree. */
    public List<String> differences(Ledger ledger) {
        List<String> d = new ArrayList<>();
        Map<LotId, Lot> actual = new LinkedHashMap<>();
        ledger.lots().forEach(l -> actual.put(l.id(), l));
        if (!actual.keySet().equals(lots.keySet())) {
            d.add("lots differ: ledger has " + actual.keySet() + ", model has " + lots.keySet());
        }
        Map<FacilityId, long[]> activeStock = new LinkedHashMap<>();
        for (RefLot r : lots.values()) {
            Lot l = actual.get(r.id);
            if (l == null) {
                continue;
            }
            if (l.mass().mg() != r.mass || l.status() != r.status || !l.facility().equals(r.facility)
                    || l.form() != r.form || !java.util.Objects.equals(l.destination(), r.destination)
                    || !Arrays.equals(l.composition().toArray(), r.comp)) {
                d.add("lot " + r.id + ": ledger " + l.mass().mg() + " mg " + l.status() + " at " + l.facility() + " -> "
                        + l.destination() + " " + l.composition() + "; model " + r.mass + " mg " + r.status + " at "
                        + r.facility + " -> " + r.destination + " " + Composition.ofArray(r.comp));
            }
            if (r.status == LotStatus.ACTIVE) {
                add(activeStock.computeIfAbsent(r.facility, k -> new long[Element.count()]), r.comp, 1);
            }
        }
        for (Facility f : registryFacilities()) {
            long[] expected = activeStock.getOrDefault(f.id(), new long[Element.count()]);
            if (!Arrays.equals(ledger.stock(f.id()).toArray(), expected)) {
                d.add("stock of " + f.id() + ": ledger " + ledger.stock(f.id()) + ", model " + Composition.ofArray(expected));
            }
        }
        Balance b = ledger.balance();
        compare(d, "extracted", b.extracted(), extracted);
        compare(d, "imported", b.imported(), imported);
        compare(d, "lost", b.lost(), lost);
        compare(d, "unexplained", b.unexplained(), unexplained);
        compare(d, "adjusted", b.adjusted(), adjusted);
        for (LotStatus s : LotStatus.values()) {
            long[] ledgerHeld = new long[Element.count()];
            ledger.lots().stream().filter(l -> l.status() == s).forEach(l -> add(ledgerHeld, l.composition().toArray(), 1));
            compare(d, "held " + s, ledgerHeld, held(s));
        }
        // the model's own conservation: a check of the model as much as of the ledger
        long[] rhs = new long[Element.count()];
        for (LotStatus s : LotStatus.values()) {
            add(rhs, held(s), 1);
        }
        add(rhs, lost, 1);
        add(rhs, unexplained, 1);
        add(rhs, adjusted, 1);
        long[] lhs = extracted.clone();
        add(lhs, imported, 1);
        compare(d, "model conservation (extracted + imported vs held + lost + unexplained + adjusted)", rhs, lhs);
        return d;
    }

    private List<Facility> registryFacilities() {
        if (registry instanceof RegistryFixture fixture) {
            return fixture.facilities();
        }
        List<Facility> seen = new ArrayList<>();
        lots.values().stream().map(r -> r.facility).distinct()
                .forEach(id -> registry.facility(id).ifPresent(seen::add));
        return seen;
    }

    private static void compare(List<String> d, String what, long[] ledger, long[] model) {
        if (!Arrays.equals(ledger, model)) {
            d.add(what + ": ledger " + Composition.ofArray(nonNegativeView(ledger)) + " " + Arrays.toString(ledger)
                    + ", model " + Arrays.toString(model));
        }
    }

    private static long[] nonNegativeView(long[] v) {
        long[] r = v.clone();
        for (int i = 0; i < r.length; i++) {
            r[i] = Math.max(0, r[i]);
        }
        return r;
    }

    // ---------------------------------------------------------------- reading the model

    /** Element masses of all lots in a status. */
    public long[] held(LotStatus status) {
        long[] sum = new long[Element.count()];
        lots.values().stream().filter(r -> r.status == status).forEach(r -> add(sum, r.comp, 1));
        return sum;
    }

    public long[] entered() {
        long[] e = extracted.clone();
        add(e, imported, 1);
        return e;
    }

    public long[] lost() {
        return lost.clone();
    }

    /** The remaining mass of a lot in mg, or -1 if the model does not know the lot. */
    public long remaining(LotId id) {
        RefLot lot = lots.get(id);
        return lot == null ? -1 : lot.mass;
    }

    public Optional<LotStatus> status(LotId id) {
        return Optional.ofNullable(lots.get(id)).map(r -> r.status);
    }

    /** Remaining mass per lot, in booking order. */
    public Map<LotId, Long> remaining() {
        Map<LotId, Long> m = new LinkedHashMap<>();
        lots.values().forEach(r -> m.put(r.id, r.mass));
        return Collections.unmodifiableMap(m);
    }

    public Map<LotStatus, Long> massByStatus() {
        Map<LotStatus, Long> m = new EnumMap<>(LotStatus.class);
        lots.values().forEach(r -> m.merge(r.status, r.mass, Long::sum));
        return m;
    }

    // ---------------------------------------------------------------- arithmetic

    static long floorShare(long value, long take, long of) {
        if (take == of) {
            return value;
        }
        return BigInteger.valueOf(value).multiply(BigInteger.valueOf(take)).divide(BigInteger.valueOf(of)).longValueExact();
    }

    static long ceilShare(long value, long take, long of) {
        if (take == of) {
            return value;
        }
        BigInteger[] qr = BigInteger.valueOf(value).multiply(BigInteger.valueOf(take))
                .divideAndRemainder(BigInteger.valueOf(of));
        return qr[0].longValueExact() + (qr[1].signum() == 0 ? 0 : 1);
    }

    private static boolean isZero(long[] v) {
        for (long x : v) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    private static void add(long[] into, long[] v, int sign) {
        for (int i = 0; i < into.length; i++) {
            into[i] = Math.addExact(into[i], sign * v[i]);
        }
    }
}
