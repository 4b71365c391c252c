package org.reetrace.core.ledger;

import java.util.Optional;

import org.reetrace.core.event.EventId;

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
        };
    }
}
