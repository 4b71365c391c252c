package org.reetrace.core.analytics;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.reetrace.core.composition.Composition;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.element.Element;
import org.reetrace.core.event.EventId;
import org.reetrace.core.event.Extract;
import org.reetrace.core.event.LedgerEvent;
import org.reetrace.core.event.Receive;
import org.reetrace.core.event.Ship;
import org.reetrace.core.event.Transform;
import org.reetrace.core.ledger.Entry;
import org.reetrace.core.ledger.Ledger;
import org.reetrace.core.ledger.MemoryHistory;
import org.reetrace.core.ledger.Tolerance;
import org.reetrace.core.ledger.Verdict;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.lot.MaterialForm;
import org.reetrace.core.process.ProcessKind;
import org.reetrace.core.registry.FacilityId;

import static org.reetrace.core.testing.RegistryFixture.REGISTRY;

/** A ledger on the fixture registry that hands every accepted entry to the analytics, failing on a refusal. */
final class Books {

    static final long KG = 1_000_000L;

    final Ledger ledger = Ledger.empty(REGISTRY, Tolerance.DEFAULT);
    final MemoryHistory history = new MemoryHistory();
    final EnforcementAnalytics analytics;
    private int next;

    Books(AnalyticsSettings settings) {
        this.analytics = new EnforcementAnalytics(settings);
    }

    Entry apply(LedgerEvent e) {
        Verdict v = ledger.apply(e, history);
        if (v instanceof Verdict.Rejected r) {
            throw new AssertionError("ledger refused " + e.id() + ": " + r);
        }
        Entry entry = ((Verdict.Accepted) v).entry();
        history.record(entry);
        analytics.accept(entry);
        return entry;
    }

    EventId id() {
        return EventId.of("ev-" + (++next));
    }

    static Instant at(String iso) {
        return Instant.parse(iso);
    }

    static Composition kg(Element a, long akg, Element b, long bkg) {
        return Composition.of(Map.of(a, akg * KG, b, bkg * KG));
    }

    void extract(FacilityId mine, String lot, MaterialForm form, long massKg, Composition c, String time) {
        apply(new Extract(id(), at(time), mine, LotId.of(lot), form, Mass.ofKilograms(massKg), c, null));
    }

    void move(FacilityId from, FacilityId to, String lot, long massKg, String time) {
        apply(new Ship(id(), at(time), from, LotId.of(lot), to));
        apply(new Receive(id(), at(time).plusSeconds(3600), to, LotId.of(lot), Mass.ofKilograms(massKg)));
    }

    Entry transform(FacilityId at, ProcessKind process, String input, long inputKg, List<Transform.Output> outputs,
                    Composition loss, String time) {
        return apply(new Transform(id(), at(time), at, process, List.of(new Transform.Input(LotId.of(input),
                Mass.ofKilograms(inputKg))), outputs, loss));
    }

    /**
     * Books an unrelated small extraction at {@code time}: the books' time moves on to it, as it does when any
     * later event is booked.
     */
    void later(String time) {
        extract(org.reetrace.core.testing.RegistryFixture.AMANG_MINE, "LATER-" + next, MaterialForm.CONCENTRATE, 1,
                Composition.of(Map.of(Element.La, KG / 2)), time);
    }

    static Transform.Output out(String lot, MaterialForm form, long massKg, Composition c) {
        return new Transform.Output(LotId.of(lot), form, Mass.ofKilograms(massKg), c);
    }
}
