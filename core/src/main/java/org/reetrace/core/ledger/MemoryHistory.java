package org.reetrace.core.ledger;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.reetrace.core.event.EventId;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.event.Reverse;

/**
 * A {@link History} kept in memory from the entries it is told of, in order: for tests, replays and tools that
 * drive a ledger from the first event. It holds an {@link Undo} per event and the last state of every lot, so it
 * grows with the books.
 */
public final class MemoryHistory implements History {

    private final Map<EventId, Undo> undo = new HashMap<>();
    private final Map<EventId, EventId> reversedBy = new HashMap<>();
    private final Map<LotId, Lot> lots = new HashMap<>();

    /** Remembers an accepted entry. */
    public void record(Entry entry) {
        undo.put(entry.event().id(), entry.undo());
        entry.lots().forEach(l -> lots.put(l.id(), l));
        if (entry.event() instanceof Reverse r) {
            reversedBy.put(r.original(), r.id());
        }
    }

    @Override
    public Optional<Undo> undo(EventId event) {
        return Optional.ofNullable(undo.get(event));
    }

    @Override
    public Optional<EventId> reversedBy(EventId event) {
        return Optional.ofNullable(reversedBy.get(event));
    }

    @Override
    public Optional<Lot> lot(LotId id) {
        return Optional.ofNullable(lots.get(id));
    }
}
