package org.reetrace.core.ledger;

/** What the ledger says to an event: accepted with the entry it booked, or refused with the reason. */
public sealed interface Verdict permits Verdict.Accepted, Verdict.Rejected {

    record Accepted(Entry entry) implements Verdict {
    }

    /**
     * A refused event. {@code code} is stable (e.g. {@code lot.exceeds-remaining}) for programs, {@code field}
     * names the part of the event at fault (e.g. {@code inputs[1].mass}), {@code message} gives the numbers.
     */
    record Rejected(String code, String field, String message) implements Verdict {
    }
}
