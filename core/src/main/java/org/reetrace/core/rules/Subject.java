package org.reetrace.core.rules;

import org.reetrace.core.event.EventType;

/**
 * What a rule applies to: one of the ledger's event types (checked at ingest, and for EXPORT also in the customs
 * pre-check), a LOT assessed on demand at any date, or a SUPPLY: a set of lots assessed together, such as a
 * buyer's purchases for the EU's single-country benchmark.
 */
public enum Subject {
    EXTRACT, ASSAY, SHIP, RECEIVE, TRANSFORM, EXPORT, IMPORT, DISPOSE, ADJUST,
    /** A reversal of an event booked in error: no shipped pack judges it, a pack may. */
    REVERSE, LOT, SUPPLY;

    public static Subject of(EventType type) {
        return valueOf(type.name());
    }
}
