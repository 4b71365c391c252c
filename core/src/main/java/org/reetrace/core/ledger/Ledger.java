package org.reetrace.core.ledger;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.reetrace.core.composition.Composition;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.element.Element;
import org.reetrace.core.event.Adjust;
import org.reetrace.core.event.CanonicalForm;
import org.reetrace.core.event.Assay;
import org.reetrace.core.event.Dispose;
import org.reetrace.core.event.EventId;
import org.reetrace.core.event.EventType;
import org.reetrace.core.event.Export;
import org.reetrace.core.event.Extract;
import org.reetrace.core.event.Import;
import org.reetrace.core.event.LedgerEvent;
import org.reetrace.core.event.Receive;
import org.reetrace.core.event.Reverse;
import org.reetrace.core.event.Ship;
import org.reetrace.core.event.Transform;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.lot.LotStatus;
import org.reetrace.core.lot.MaterialForm;
import org.reetrace.core.pedigree.Pedigree;
import org.reetrace.core.pedigree.Stage;
import org.reetrace.core.pedigree.StageKind;
import org.reetrace.core.registry.Facility;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.registry.FacilityKind;
import org.reetrace.core.registry.Registry;

/**
 * The ledger state machine. It accepts or refuses each event against the books as they stand and keeps the
 * invariants of the design: element conservation to the milligram, no lot used beyond what remains or after it
 * closed, only the holder acts, no element created beyond tolerance (differences are booked, never dropped),
 * pedigrees that add up, and a hash chain over everything accepted.
 *
 * <p>Not thread-safe by design: one writer applies events in order, so validation needs no locks. A refused
 * event changes nothing: every check runs before the first change.
 *
 * <p>Books {@linkplain #restore restored} from a store keep only the open lots whole (active and in transit: what
 * an event can still act on) and the closed ones by status, so that memory follows the stock, not the years of
 * history; the rare event that needs a closed lot whole (a reversal, an id booked again after its lot was voided)
 * asks the {@link History} for it. {@linkplain #empty Empty} books, for replays and tools, keep every lot whole.
 */
public final class Ledger {

    private final Registry registry;
    private final Tolerance tolerance;
    /** Every lot whole, or only the open ones when {@link #closed} is kept. */
    private final Map<LotId, Lot> lots;
    /** The status of each closed lot, when the books keep only open lots whole; null when they keep every lot. */
    private final Map<LotId, LotStatus> closed;
    private final Map<FacilityId, Composition> stock = new HashMap<>();
    private Balance balance;
    private long sequence;
    private String head;
    /** Lots as they were before each change since the oldest open savepoint (null: the lot did not exist). */
    private final List<Map.Entry<LotId, Lot>> undo = new ArrayList<>();
    private int openSavepoints;
    /** The history of the event being applied: where a closed lot is found whole. */
    private History history = History.none();

    private Ledger(Registry registry, Tolerance tolerance, Map<LotId, Lot> lots, Map<LotId, LotStatus> closed,
                   Balance balance, long sequence, String head) {
        this.registry = registry;
        this.tolerance = tolerance;
        this.lots = lots;
        this.closed = closed;
        this.balance = balance;
        this.sequence = sequence;
        this.head = head;
        lots.values().forEach(l -> addStock(l, 1));
    }

    /** Books with nothing in them that keep every lot whole, closed ones included: for replays and tools. */
    public static Ledger empty(Registry registry, Tolerance tolerance) {
        return new Ledger(registry, tolerance, new HashMap<>(), null, Balance.EMPTY, 0, HashChain.GENESIS);
    }

    /**
     * The books as stored: the open lots whole and the status of each closed one, the balance, and the last link
     * of the chain. They keep only open lots whole from here on.
     */
    public static Ledger restore(Registry registry, Tolerance tolerance, Collection<Lot> open,
                                 Map<LotId, LotStatus> closed, Balance balance, long sequence, String head) {
        Ledger ledger = new Ledger(registry, tolerance, new HashMap<>(Math.max(16, open.size() * 2)),
                new HashMap<>(closed), balance, sequence, head);
        open.forEach(ledger::place);
        open.forEach(l -> ledger.addStock(l, 1));
        return ledger;
    }

    /** A lot as the books hold it: every lot when they keep every lot whole, else an open one. */
    public Optional<Lot> lot(LotId id) {
        return Optional.ofNullable(lots.get(id));
    }

    /** The lots held whole: every lot, or the open ones when the books keep only those. */
    public Collection<Lot> lots() {
        return Collections.unmodifiableCollection(lots.values());
    }

    /** The status of a lot, closed ones included; empty if no such lot was booked. */
    public Optional<LotStatus> status(LotId id) {
        Lot lot = lots.get(id);
        return lot != null ? Optional.of(lot.status()) : closed == null ? Optional.empty()
                : Optional.ofNullable(closed.get(id));
    }

    public Balance balance() {
        return balance;
    }

    /** Element masses of the active lots a facility holds. */
    public Composition stock(FacilityId facility) {
        return stock.getOrDefault(facility, Composition.ZERO);
    }

    public long sequence() {
        return sequence;
    }

    public String head() {
        return head;
    }

    public Tolerance tolerance() {
        return tolerance;
    }

    /**
     * Marks the books as they are now, so that everything applied after can be taken back: a batch that must
     * be accepted whole, or a store transaction that failed after the ledger accepted its events.
     */
    public Savepoint savepoint() {
        return new Savepoint(openSavepoints++, undo.size(), balance, sequence, head);
    }

    /** The books as they were at a savepoint; {@code depth} counts the savepoints open before it. */
    public record Savepoint(int depth, int undoSize, Balance balance, long sequence, String head) {
    }

    /** Takes back everything applied since the savepoint and closes it. */
    public void rollbackTo(Savepoint savepoint) {
        for (int i = undo.size() - 1; i >= savepoint.undoSize(); i--) {
            Map.Entry<LotId, Lot> before = undo.remove(i);
            // a closed lot counts in no stock, so only an open one needs taking out whole
            Lot now = lots.remove(before.getKey());
            if (closed != null) {
                closed.remove(before.getKey());
            }
            if (now != null) {
                addStock(now, -1);
            }
            if (before.getValue() != null) {
                place(before.getValue());
                addStock(before.getValue(), 1);
            }
        }
        balance = savepoint.balance();
        sequence = savepoint.sequence();
        head = savepoint.head();
        release(savepoint);
    }

    /** Keeps everything applied since the savepoint and closes it. */
    public void release(Savepoint savepoint) {
        // closing a savepoint closes any left open inside it
        openSavepoints = savepoint.depth();
        if (openSavepoints == 0) {
            undo.clear();
        }
    }

    /** Applies an event with no history to look reversals up in: a {@link Reverse} is refused as unknown. */
    public Verdict apply(LedgerEvent event) {
        return apply(event, History.none());
    }

    /** Applies an event; {@code history} finds the original of a {@link Reverse}. */
    public Verdict apply(LedgerEvent event, History history) {
        // every event is checked against the registry as it stood at the event's time
        Registry registry = this.registry.asOf(event.time());
        Optional<Facility> actor = registry.facility(event.facility());
        if (actor.isEmpty()) {
            return reject(Refusal.FACILITY_UNKNOWN, "facility", "no facility " + event.facility() + " in the registry");
        }
        Facility facility = actor.get();
        this.history = history;
        try {
            return switch (event) {
                case Extract e -> extract(e, facility);
                case Assay e -> assay(e, facility);
                case Ship e -> ship(e, facility, registry);
                case Receive e -> receive(e, facility);
                case Transform e -> transform(e, facility);
                case Export e -> export(e, facility);
                case Import e -> importLot(e, facility);
                case Dispose e -> dispose(e, facility);
                case Adjust e -> adjust(e, facility);
                case Reverse e -> reverse(e, facility, history);
            };
        } catch (Refused r) {
            return r.verdict;
        } finally {
            // the history may hold a whole batch of entries: not kept past the event
            this.history = History.none();
        }
    }

    private Verdict extract(Extract e, Facility facility) {
        if (!facility.kind().extracts()) {
            return reject(Refusal.FACILITY_NOT_A_MINE, "facility", facility.id() + " is a " + facility.kind()
                    + "; only a MINE or IN_SITU_LEACH_MINE extracts");
        }
        if (e.form() != MaterialForm.ORE && e.form() != MaterialForm.CONCENTRATE) {
            return reject(Refusal.FORM_NOT_EXTRACTABLE, "form", "a mine extracts ORE or CONCENTRATE, not " + e.form());
        }
        checkNewLot("lot", e.lot(), "mass", e.mass(), "composition", e.composition());
        Lot lot = new Lot(e.lot(), e.form(), e.mass(), e.composition(), facility.id(), facility.operator(),
                LotStatus.ACTIVE, Pedigree.extracted(facility.id().value(), facility.country(), e.composition()),
                null, null);
        return commit(e, balance.extract(e.composition()), List.of(lot), Entry.Lineage.NONE, Set.of());
    }

    private Verdict assay(Assay e, Facility facility) {
        Lot lot = held("lot", e.lot(), facility);
        if (e.measured().totalMg() > lot.mass().mg()) {
            return reject(Refusal.COMPOSITION_EXCEEDS_MASS, "measured", "measured elements weigh "
                    + e.measured().totalMg() + " mg, more than lot " + lot.id() + " (" + lot.mass().mg() + " mg)",
                    "elementsMg", e.measured().totalMg(), "massMg", lot.mass().mg());
        }
        if (lot.pedigree().isEmpty() && !e.measured().isZero()) {
            return reject(Refusal.LOT_NO_PROVENANCE, "measured", "lot " + lot.id()
                    + " has no booked elements, so no origin to give the measured ones");
        }
        Lot assayed = lot.withContent(lot.mass(), e.measured(), lot.pedigree().allocate(e.measured()));
        if (e.activity() != null) {
            assayed = assayed.withActivity(e.activity());
        }
        return commit(e, balance.adjust(lot.composition(), e.measured()), List.of(assayed), Entry.Lineage.NONE, Set.of());
    }

    private Verdict ship(Ship e, Facility facility, Registry registry) {
        Lot lot = held("lot", e.lot(), facility);
        if (registry.facility(e.destination()).isEmpty()) {
            return reject(Refusal.FACILITY_UNKNOWN, "destination", "no facility " + e.destination() + " in the registry");
        }
        if (e.destination().equals(facility.id())) {
            return reject(Refusal.SHIP_TO_ITSELF, "destination", "lot " + lot.id() + " is already at " + facility.id());
        }
        return commit(e, balance, List.of(lot.inTransitTo(e.destination())), Entry.Lineage.NONE, Set.of());
    }

    private Verdict receive(Receive e, Facility facility) {
        Lot lot = lots.get(e.lot());
        if (lot == null) {
            return status(e.lot()).<Verdict>map(s -> reject(Refusal.LOT_NOT_IN_TRANSIT, "lot", "lot " + e.lot() + " is " + s
                    + ", not IN_TRANSIT")).orElseGet(() -> reject(Refusal.LOT_UNKNOWN, "lot", "no lot " + e.lot()));
        }
        if (lot.status() != LotStatus.IN_TRANSIT) {
            return reject(Refusal.LOT_NOT_IN_TRANSIT, "lot", "lot " + lot.id() + " is " + lot.status() + ", not IN_TRANSIT");
        }
        if (!lot.destination().equals(facility.id())) {
            return reject(Refusal.LOT_NOT_ADDRESSED, "lot", "lot " + lot.id() + " is on its way to " + lot.destination()
                    + ", not to " + facility.id());
        }
        long shipped = lot.mass().mg();
        long received = e.receivedMass().mg();
        if (received == 0) {
            return reject(Refusal.MASS_NOT_POSITIVE, "receivedMass", "received mass must be positive");
        }
        if (received > shipped + tolerance.allowanceMg(shipped)) {
            return reject(Refusal.MASS_GAIN_BEYOND_TOLERANCE, "receivedMass", "received " + received + " mg of lot "
                    + lot.id() + " but " + shipped + " mg were shipped; tolerance is "
                    + tolerance.allowanceMg(shipped) + " mg",
                    "receivedMg", received, "shippedMg", shipped, "toleranceMg", tolerance.allowanceMg(shipped));
        }
        // A lighter weighing takes elements away in proportion; a heavier one (moisture, scale error within
        // tolerance) adds mass but cannot add elements.
        Composition composition = received >= shipped ? lot.composition()
                : lot.composition().share(received, shipped);
        Lot arrived = lot.receivedAt(facility.id(), facility.operator())
                .withContent(e.receivedMass(), composition, lot.pedigree().portion(composition));
        Balance b = balance.unexplained(difference(lot.composition(), composition));
        return commit(e, b, List.of(arrived), Entry.Lineage.NONE, Set.of(lot.facility()));
    }

    private Verdict transform(Transform e, Facility facility) {
        if (!facility.licensedFor(e.process())) {
            return reject(Refusal.PROCESS_NOT_LICENSED, "process", facility.id() + " is not registered for "
                    + e.process() + " (registered: " + facility.technology().keySet() + ")");
        }
        if (e.inputs().isEmpty()) {
            return reject(Refusal.TRANSFORM_NO_INPUTS, "inputs", "a transformation needs at least one input lot");
        }
        if (e.outputs().isEmpty()) {
            return reject(Refusal.TRANSFORM_NO_OUTPUTS, "outputs", "a transformation needs at least one output lot");
        }
        Set<LotId> seen = new HashSet<>();
        Composition in = Composition.ZERO;
        Pedigree pool = Pedigree.EMPTY;
        List<Lot> changed = new ArrayList<>();
        for (int i = 0; i < e.inputs().size(); i++) {
            Transform.Input input = e.inputs().get(i);
            String field = "inputs[" + i + "]";
            if (!seen.add(input.lot())) {
                return reject(Refusal.TRANSFORM_DUPLICATE_LOT, field + ".lot", "lot " + input.lot() + " appears twice");
            }
            Lot lot = held(field + ".lot", input.lot(), facility);
            if (input.mass().isZero()) {
                return reject(Refusal.MASS_NOT_POSITIVE, field + ".mass", "input mass must be positive");
            }
            if (input.mass().mg() > lot.mass().mg()) {
                return reject(Refusal.LOT_EXCEEDS_REMAINING, field + ".mass", "uses " + input.mass().mg() + " mg of lot "
                        + lot.id() + " but only " + lot.mass().mg() + " mg remain",
                        "askedMg", input.mass().mg(), "remainingMg", lot.mass().mg());
            }
            Composition used = lot.composition().share(input.mass().mg(), lot.mass().mg());
            Pedigree usedPedigree = lot.pedigree().portion(used);
            in = in.plus(used);
            pool = pool.plus(usedPedigree);
            Mass left = lot.mass().minus(input.mass());
            Lot remaining = lot.withContent(left, lot.composition().minus(used), lot.pedigree().minus(usedPedigree));
            changed.add(left.isZero() ? remaining.withStatus(LotStatus.CONSUMED) : remaining);
        }
        Composition out = Composition.ZERO;
        for (int i = 0; i < e.outputs().size(); i++) {
            Transform.Output output = e.outputs().get(i);
            String field = "outputs[" + i + "]";
            if (!seen.add(output.lot())) {
                return reject(Refusal.TRANSFORM_DUPLICATE_LOT, field + ".lot", "lot " + output.lot() + " appears twice");
            }
            checkNewLot(field + ".lot", output.lot(), field + ".mass", output.mass(),
                    field + ".composition", output.composition());
            out = out.plus(output.composition());
        }
        long[] unexplained = new long[Element.count()];
        for (Element el : Element.values()) {
            long inMg = in.get(el);
            long accounted = out.get(el) + e.declaredLoss().get(el);
            long excess = accounted - inMg;
            if (excess > tolerance.allowanceMg(inMg)) {
                return reject(Refusal.TRANSFORM_CREATES_ELEMENT, "outputs", "outputs and declared losses hold "
                        + accounted + " mg " + el + " but only " + inMg + " mg went in; tolerance is "
                        + tolerance.allowanceMg(inMg) + " mg", "element", el.name(), "accountedMg", accounted,
                        "inputMg", inMg, "toleranceMg", tolerance.allowanceMg(inMg));
            }
            unexplained[el.ordinal()] = inMg - accounted;
        }
        if (pool.isEmpty() && !out.isZero()) {
            return reject(Refusal.TRANSFORM_NO_PROVENANCE, "outputs", "the inputs hold no booked elements to give the outputs");
        }
        Optional<Stage> stage = StageKind.of(e.process())
                .map(k -> new Stage(k, facility.country(), facility.technologyOrigin(e.process())));
        for (Transform.Output output : e.outputs()) {
            Pedigree p = pool.allocate(output.composition());
            if (stage.isPresent()) {
                p = p.then(stage.get());
            }
            changed.add(new Lot(output.lot(), output.form(), output.mass(), output.composition(), facility.id(),
                    facility.operator(), LotStatus.ACTIVE, p, null, null));
        }
        Entry.Lineage lineage = new Entry.Lineage(e.inputs().stream().map(Transform.Input::lot).toList(),
                e.outputs().stream().map(Transform.Output::lot).toList());
        Balance b = balance.lose(e.declaredLoss()).unexplained(unexplained);
        return commit(e, b, changed, lineage, Set.of());
    }

    private Verdict export(Export e, Facility facility) {
        Lot lot = held("lot", e.lot(), facility);
        return commit(e, balance, List.of(lot.withStatus(LotStatus.EXPORTED)), Entry.Lineage.NONE, Set.of());
    }

    private Verdict importLot(Import e, Facility facility) {
        checkNewLot("lot", e.lot(), "mass", e.mass(), "composition", e.composition());
        Lot lot = new Lot(e.lot(), e.form(), e.mass(), e.composition(), facility.id(), facility.operator(),
                LotStatus.ACTIVE, Pedigree.imported(e.supplier(), e.originCountry(), e.upstreamStages(),
                e.composition()), null, null);
        return commit(e, balance.imports(e.composition()), List.of(lot), Entry.Lineage.NONE, Set.of());
    }

    private Verdict dispose(Dispose e, Facility facility) {
        if (facility.kind() != FacilityKind.DISPOSAL_FACILITY) {
            return reject(Refusal.FACILITY_NOT_DISPOSAL, "facility", facility.id() + " is a " + facility.kind()
                    + ", not a DISPOSAL_FACILITY");
        }
        Lot lot = held("lot", e.lot(), facility);
        if (lot.form() != MaterialForm.RESIDUE) {
            return reject(Refusal.FORM_NOT_RESIDUE, "lot", "lot " + lot.id() + " is " + lot.form() + "; only RESIDUE is disposed of");
        }
        return commit(e, balance, List.of(lot.withStatus(LotStatus.DISPOSED)), Entry.Lineage.NONE, Set.of());
    }

    private Verdict adjust(Adjust e, Facility facility) {
        Lot lot = held("lot", e.lot(), facility);
        if (e.composition().totalMg() > e.mass().mg()) {
            return reject(Refusal.COMPOSITION_EXCEEDS_MASS, "composition", "elements weigh " + e.composition().totalMg()
                    + " mg, more than the adjusted mass of " + e.mass().mg() + " mg",
                    "elementsMg", e.composition().totalMg(), "massMg", e.mass().mg());
        }
        if (lot.pedigree().isEmpty() && !e.composition().isZero()) {
            return reject(Refusal.LOT_NO_PROVENANCE, "composition", "lot " + lot.id()
                    + " has no booked elements, so no origin to give the adjusted ones");
        }
        Lot adjusted = lot.withContent(e.mass(), e.composition(), lot.pedigree().allocate(e.composition()));
        if (e.mass().isZero()) {
            adjusted = adjusted.withStatus(LotStatus.CONSUMED);
        }
        return commit(e, balance.adjust(lot.composition(), e.composition()), List.of(adjusted), Entry.Lineage.NONE, Set.of());
    }

    /**
     * Takes an event booked in error back, exactly: its lots return to their state before it (a lot it created
     * becomes VOID) and its balance change is undone, so every invariant that held before it holds again. It is
     * refused when a later event changed any of those lots, since that event built on what the original left:
     * the later one must be reversed first, newest first, as a bookkeeper reverses entries. This is the one way
     * a closed lot (consumed, exported, disposed) opens again: the event that closed it never happened.
     */
    private Verdict reverse(Reverse e, Facility facility, History history) {
        Optional<Undo> found = history.undo(e.original());
        if (found.isEmpty()) {
            return reject(Refusal.REVERSE_UNKNOWN_EVENT, "original", "no booked event " + e.original() + " to reverse");
        }
        Undo undo = found.get();
        if (undo.type() == EventType.REVERSE) {
            return reject(Refusal.REVERSE_OF_REVERSAL, "original", e.original() + " is itself a reversal; book the "
                    + "event again instead of reversing its reversal");
        }
        if (!undo.facility().equals(facility.id())) {
            return reject(Refusal.REVERSE_NOT_HOLDER, "facility", e.original() + " was booked by " + undo.facility()
                    + "; only it can reverse it, not " + facility.id());
        }
        Optional<EventId> earlier = history.reversedBy(e.original());
        if (earlier.isPresent()) {
            return reject(Refusal.REVERSE_ALREADY_REVERSED, "original", e.original() + " was already reversed by "
                    + earlier.get());
        }
        List<Lot> restored = new ArrayList<>();
        for (Lot after : undo.after()) {
            Lot now = whole(after.id());
            if (now == null || !sameState(now, after)) {
                return reject(Refusal.REVERSE_LOT_CHANGED_SINCE, "original", "lot " + after.id() + " changed after "
                        + e.original() + " (now " + (now == null ? "unknown" : now.status() + ", " + now.mass().mg()
                        + " mg at " + now.facility()) + "); reverse the later events first");
            }
            restored.add(undo.before(after.id()).orElseGet(after::voided));
        }
        return commit(e, balance.without(undo.delta()), restored, Entry.Lineage.NONE, Set.of());
    }

    /** Lots compare exactly, activities by value: a store may give 1.50 Bq/g back as 1.5. */
    private static boolean sameState(Lot a, Lot b) {
        boolean activity = a.activity() == null ? b.activity() == null
                : b.activity() != null && a.activity().compareTo(b.activity()) == 0;
        return activity && a.id().equals(b.id()) && a.form() == b.form() && a.mass().equals(b.mass())
                && a.composition().equals(b.composition()) && a.facility().equals(b.facility())
                && a.holder().equals(b.holder()) && a.status() == b.status() && a.pedigree().equals(b.pedigree())
                && Objects.equals(a.destination(), b.destination());
    }

    /** The lot, if it exists, is active and is held by the facility. */
    private Lot held(String field, LotId id, Facility facility) {
        Lot lot = lots.get(id);
        if (lot == null) {
            LotStatus status = status(id).orElseThrow(() -> new Refused(Refusal.LOT_UNKNOWN, field, "no lot " + id));
            throw new Refused(Refusal.LOT_CLOSED, field, "lot " + id + " is " + status
                    + "; only an ACTIVE lot can be acted on");
        }
        if (lot.status() != LotStatus.ACTIVE) {
            throw new Refused(Refusal.LOT_CLOSED, field, "lot " + id + " is " + lot.status()
                    + "; only an ACTIVE lot can be acted on");
        }
        if (!lot.facility().equals(facility.id())) {
            throw new Refused(Refusal.LOT_NOT_HELD, field, "lot " + id + " is held by " + lot.facility() + ", not by "
                    + facility.id());
        }
        return lot;
    }

    private void checkNewLot(String lotField, LotId id, String massField, Mass mass, String compositionField,
                             Composition composition) {
        // a VOID lot was booked in error and reversed: a corrective event books its id again
        Optional<LotStatus> existing = status(id);
        if (existing.isPresent() && existing.get() != LotStatus.VOID) {
            throw new Refused(Refusal.LOT_EXISTS, lotField, "lot " + id + " already exists");
        }
        if (mass.isZero()) {
            throw new Refused(Refusal.MASS_NOT_POSITIVE, massField, "mass must be positive");
        }
        if (composition.totalMg() > mass.mg()) {
            throw new Refused(Verdict.Rejected.of(Refusal.COMPOSITION_EXCEEDS_MASS, compositionField, "elements weigh "
                    + composition.totalMg() + " mg, more than the lot's " + mass.mg() + " mg",
                    "elementsMg", composition.totalMg(), "massMg", mass.mg()));
        }
    }

    /** Carries a refusal out of the checks; never leaves {@link #apply}. */
    private static final class Refused extends RuntimeException {
        private final Verdict.Rejected verdict;

        Refused(Refusal refusal, String field, String message) {
            this(new Verdict.Rejected(refusal, field, message));
        }

        Refused(Verdict.Rejected verdict) {
            super(verdict.message(), null, false, false);
            this.verdict = verdict;
        }
    }

    private static long[] difference(Composition before, Composition after) {
        long[] d = before.toArray();
        long[] a = after.toArray();
        for (int i = 0; i < d.length; i++) {
            d[i] -= a[i];
        }
        return d;
    }

    private static Verdict.Rejected reject(Refusal refusal, String field, String message, Object... figures) {
        return Verdict.Rejected.of(refusal, field, message, figures);
    }

    private Verdict commit(LedgerEvent event, Balance newBalance, List<Lot> changed, Entry.Lineage lineage,
                           Set<FacilityId> alsoTouched) {
        Set<FacilityId> facilities = new LinkedHashSet<>(alsoTouched);
        List<Lot> previousStates = new ArrayList<>();
        for (Lot lot : changed) {
            Lot before = whole(lot.id());
            place(lot);
            if (before != null) {
                previousStates.add(before);
            }
            if (openSavepoints > 0) {
                undo.add(new AbstractMap.SimpleImmutableEntry<>(lot.id(), before));
            }
            if (before != null) {
                addStock(before, -1);
                facilities.add(before.facility());
            }
            addStock(lot, 1);
            facilities.add(lot.facility());
        }
        Balance delta = newBalance.since(balance);
        balance = newBalance;
        String previous = head;
        String canonical = CanonicalForm.of(event);
        head = HashChain.link(previous, canonical);
        sequence++;
        return new Verdict.Accepted(new Entry(sequence, head, previous, CanonicalForm.sha256Hex(canonical), event,
                changed, lineage, facilities,
                previousStates, delta));
    }

    /** A lot whole, closed ones included (asked of the history when the books keep only open lots); null if none. */
    private Lot whole(LotId id) {
        Lot lot = lots.get(id);
        if (lot != null || closed == null || !closed.containsKey(id)) {
            return lot;
        }
        return history.lot(id).orElseThrow(() -> new IllegalStateException("closed lot " + id
                + " is not in the history the ledger was given"));
    }

    /** Keeps a lot's new state: whole if it is open or the books keep every lot, else its status. */
    private void place(Lot lot) {
        if (closed == null || lot.status().isOpen()) {
            lots.put(lot.id(), lot);
            if (closed != null) {
                closed.remove(lot.id());
            }
        } else {
            lots.remove(lot.id());
            closed.put(lot.id(), lot.status());
        }
    }

    private void addStock(Lot lot, int sign) {
        if (lot.status() != LotStatus.ACTIVE) {
            return;
        }
        Composition have = stock.getOrDefault(lot.facility(), Composition.ZERO);
        stock.put(lot.facility(), sign > 0 ? have.plus(lot.composition()) : have.minus(lot.composition()));
    }
}
