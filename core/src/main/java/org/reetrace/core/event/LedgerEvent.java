package org.reetrace.core.event;

import java.time.Instant;

import org.reetrace.core.registry.FacilityId;

/**
 * Something that happened to rare-earth material, as the ledger books it. Each kind maps to an EPCIS 2.0 event
 * (see the rare-earth profile). {@link #facility()} is the facility that acts and so must hold what it acts on.
 */
public sealed interface LedgerEvent
        permits Extract, Assay, Ship, Receive, Transform, Export, Import, Dispose, Adjust, Reverse {

    EventId id();

    Instant time();

    FacilityId facility();

    /** The kind as written on the wire and in the store: EXTRACT, ASSAY, ... */
    default EventType type() {
        return EventType.of(this);
    }
}
