package org.reetrace.core.event;

import java.time.Instant;
import java.util.Objects;

import org.reetrace.core.registry.FacilityId;

/**
 * Takes back an event booked in error (the EPCIS error declaration): every lot the original changed returns to
 * its state before it, a lot it created becomes {@link org.reetrace.core.lot.LotStatus#VOID}, and its balance
 * changes are undone. The original stays in the chain; the reversal is a new link after it, so history is never
 * rewritten. A corrective event is an ordinary event booked after the reversal.
 *
 * @param facility the facility that booked the original: only it can declare its own event an error
 * @param original the event booked in error
 * @param reason   why, as declared (the EPCIS {@code errorDeclaration} reason)
 */
public record Reverse(EventId id, Instant time, FacilityId facility, EventId original, String reason)
        implements LedgerEvent {

    public Reverse {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(facility, "facility");
        Objects.requireNonNull(original, "original");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reversal needs a reason");
        }
        if (original.equals(id)) {
            throw new IllegalArgumentException("event " + id + " cannot reverse itself");
        }
    }
}
