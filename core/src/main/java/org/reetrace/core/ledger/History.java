package org.reetrace.core.ledger;

import java.util.Optional;

import org.reetrace.core.event.EventId;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.lot.LotId;

/**
 * The port through which the ledger finds an event it is asked to reverse. The ledger keeps only the books as
 * they stand, not the way they got there; the history of accepted entries lives in the store (or in memory for
 * tests and replays).
 */
public interface History {

    /** What it takes to reverse an accepted event, or empty if no such event was booked. */
    Optional<Undo> undo(EventId event);

    /** The reversal that already took {@code event} back, if any. */
    Optional<EventId> reversedBy(EventId event);

    /**
     * A lot as the books hold it now, closed ones included: asked for a closed lot that books keeping only open lots
     * whole need whole (to reverse the event that closed it, or to book the id of a voided lot again).
     */
    Optional<Lot> lot(LotId id);

    /** No history: every reversal is refused as naming an unknown event. */
    static History none() {
        return new History() {
            @Override
            public Optional<Undo> undo(EventId event) {
                return Optional.empty();
            }

            @Override
            public Optional<EventId> reversedBy(EventId event) {
                return Optional.empty();
            }

            @Override
            public Optional<Lot> lot(LotId id) {
                return Optional.empty();
            }
        };
    }
}
