package org.reetrace.core.ledger;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.reetrace.core.event.EventId;
import org.reetrace.core.event.EventType;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.registry.FacilityId;

/**
 * What reversing a booked event takes: the lots it changed as it left them ({@code after}) and as they were
 * before it ({@code before}, absent for a lot it created), and its change to the national balance.
 */
public record Undo(EventId event, EventType type, FacilityId facility, List<Lot> before, List<Lot> after,
                   Balance delta) {

    public Undo {
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(facility, "facility");
        Objects.requireNonNull(delta, "delta");
        before = List.copyOf(before);
        after = List.copyOf(after);
    }

    /** The lot as it was before the event, or empty if the event created it. */
    public Optional<Lot> before(LotId lot) {
        return before.stream().filter(l -> l.id().equals(lot)).findFirst();
    }
}
