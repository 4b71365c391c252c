package org.reetrace.core.testing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.reetrace.core.composition.Composition;
import org.reetrace.core.element.Element;
import org.reetrace.core.event.LedgerEvent;
import org.reetrace.core.event.Transform;
import org.reetrace.core.ledger.Balance;
import org.reetrace.core.ledger.HashChain;
import org.reetrace.core.ledger.Invariants;
import org.reetrace.core.ledger.Ledger;
import org.reetrace.core.ledger.MemoryHistory;
import org.reetrace.core.ledger.Tolerance;
import org.reetrace.core.ledger.Verdict;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.registry.Facility;
import org.reetrace.core.registry.FacilityId;

/**
 * The invariant checker: applies events to a {@link Ledger} one by one and, after every step, checks the six
 * invariants of the design against the ledger and a {@link ReferenceBooks} model, throwing {@link AssertionError}
 * with the numbers at the first break. Reusable by any module that drives the ledger (epcis capture, app, sim).
 *
 * <ol>
 * <li>conservation per element ({@link Invariants#check}) and agreement with the model's exact sums;</li>
 * <li>an event the model knows to use more than remains or to act on a closed lot is refused;</li>
 * <li>an event by a facility that does not hold the lot is refused; a refused event changes nothing;</li>
 * <li>an accepted transformation puts out no element beyond in + tolerance, and books in - out - loss as
 * unexplained exactly;</li>
 * <li>every pedigree adds up to its lot ({@link Invariants#check});</li>
 * <li>the head is the hash chain recomputed from {@link HashChain#GENESIS} over the accepted events.</li>
 * </ol>
 */
public final class LedgerRun {

    /** The books at one moment, copied: what a refused event must leave as it was. */
    public record Snapshot(Map<LotId, Lot> lots, Balance balance, long sequence, String head,
                           Map<FacilityId, Composition> stock) {
        public static Snapshot of(Ledger ledger) {
            Map<LotId, Lot> lots = new HashMap<>();
            ledger.lots().forEach(l -> lots.put(l.id(), l));
            Map<FacilityId, Composition> stock = new HashMap<>();
            for (Facility f : RegistryFixture.REGISTRY.facilities()) {
                stock.put(f.id(), ledger.stock(f.id()));
            }
            return new Snapshot(lots, ledger.balance(), ledger.sequence(), ledger.head(), stock);
        }
    }

    /** One step as it went: the event, what the model predicted, what the ledger said. */
    public record Step(LedgerEvent event, ReferenceBooks.Prediction prediction, Verdict verdict) {
        public String outcome() {
            return verdict instanceof Verdict.Rejected r ? r.code() : "accepted";
        }
    }

    private final Ledger ledger;
    private final ReferenceBooks model;
    private final MemoryHistory history = new MemoryHistory();
    private final Tolerance tolerance;
    private final List<LedgerEvent> accepted = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();
    private String head = HashChain.GENESIS;

    public LedgerRun(Tolerance tolerance) {
        this.tolerance = tolerance;
        this.ledger = Ledger.empty(RegistryFixture.REGISTRY, tolerance);
        this.model = new ReferenceBooks(RegistryFixture.REGISTRY, tolerance);
    }

    public static LedgerRun withDefaultTolerance() {
        return new LedgerRun(Tolerance.DEFAULT);
    }

    /** The accepted entries so far, for a reversal to find its original. */
    public MemoryHistory history() {
        return history;
    }

    public Ledger ledger() {
        return ledger;
    }

    public ReferenceBooks model() {
        return model;
    }

    public List<LedgerEvent> accepted() {
        return List.copyOf(accepted);
    }

    public List<Step> steps() {
        return List.copyOf(steps);
    }

    /** Applies one event and checks every invariant afterwards. */
    public Step apply(LedgerEvent event) {
        ReferenceBooks.Prediction prediction = model.predict(event);
        Snapshot before = Snapshot.of(ledger);
        Balance balanceBefore = ledger.balance();
        Verdict verdict;
        try {
            verdict = ledger.apply(event, history);
        } catch (RuntimeException e) {
            throw new AssertionError("the ledger threw instead of deciding on " + event + " (model: " + prediction + ")", e);
        }
        switch (verdict) {
            case Verdict.Rejected r -> {
                check(!prediction.certainlyValid(), "refused a valid event as " + r + ": " + event);
                check(prediction.allows(r.code()), "refused " + event + " as " + r.code()
                        + " but the rules say " + prediction);
                check(!r.field().isBlank(), "a refusal names no field: " + r);
                Snapshot after = Snapshot.of(ledger);
                check(after.equals(before), "refused event " + event.id() + " changed the books: " + diff(before, after));
            }
            case Verdict.Accepted a -> {
                check(!prediction.certainlyInvalid(), "accepted " + event + " although the rules say " + prediction.must());
                String previous = head;
                head = HashChain.link(previous, event);
                accepted.add(event);
                check(a.entry().previous().equals(previous) && a.entry().hash().equals(head),
                        "entry links " + a.entry().previous() + " -> " + a.entry().hash() + ", recomputed " + previous + " -> " + head);
                check(a.entry().sequence() == accepted.size(), "entry sequence " + a.entry().sequence() + " after "
                        + accepted.size() + " accepted events");
                check(a.entry().event() == event, "entry carries another event");
                history.record(a.entry());
                ReferenceBooks.Booked booked = model.accept(event, a.entry());
                if (event instanceof Transform t) {
                    checkTransform(t, booked, balanceBefore, ledger.balance());
                }
            }
        }
        // 1 and 5
        List<Invariants.Violation> violations = Invariants.check(ledger.lots(), ledger.balance());
        check(violations.isEmpty(), "invariants broken after " + event.id() + ": " + violations);
        List<String> differences = model.differences(ledger);
        check(differences.isEmpty(), "ledger and model disagree after " + event.id() + ": " + differences);
        // 6
        check(ledger.head().equals(head), "head " + ledger.head() + " is not the recomputed chain " + head);
        check(ledger.sequence() == accepted.size(), "sequence " + ledger.sequence() + " after " + accepted.size() + " accepted");
        Step step = new Step(event, prediction, verdict);
        steps.add(step);
        return step;
    }

    /** Invariant 4 for one accepted transformation. */
    private void checkTransform(Transform t, ReferenceBooks.Booked booked, Balance before, Balance after) {
        for (Element e : Element.values()) {
            int i = e.ordinal();
            long in = booked.in()[i];
            long accounted = booked.out()[i] + booked.loss()[i];
            check(accounted <= in + tolerance.allowanceMg(in), t.id() + " put out " + accounted + " mg " + e
                    + " (outputs + declared loss) from " + in + " mg in, beyond the tolerance of " + tolerance.allowanceMg(in));
            long booked4 = after.unexplained(e) - before.unexplained(e);
            check(booked4 == in - accounted, t.id() + " booked " + booked4 + " mg " + e + " as unexplained, but in - out - loss = "
                    + in + " - " + booked.out()[i] + " - " + booked.loss()[i] + " = " + (in - accounted));
            check(after.lost(e) - before.lost(e) == booked.loss()[i], t.id() + " booked a loss of "
                    + (after.lost(e) - before.lost(e)) + " mg " + e + ", declared " + booked.loss()[i]);
        }
    }

    private static String diff(Snapshot a, Snapshot b) {
        List<String> d = new ArrayList<>();
        if (!a.lots().equals(b.lots())) {
            d.add("lots");
        }
        if (!a.balance().equals(b.balance())) {
            d.add("balance " + a.balance() + " -> " + b.balance());
        }
        if (a.sequence() != b.sequence()) {
            d.add("sequence " + a.sequence() + " -> " + b.sequence());
        }
        if (!a.head().equals(b.head())) {
            d.add("head");
        }
        if (!a.stock().equals(b.stock())) {
            d.add("stock");
        }
        return String.join(", ", d);
    }

    private static void check(boolean ok, String message) {
        if (!ok) {
            throw new AssertionError(message);
        }
    }
}
