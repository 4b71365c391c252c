package org.reetrace.app.ledger;

import org.reetrace.app.UseCase;
import org.reetrace.app.registry.StoredRegistry;
import org.reetrace.app.security.Caller;
import org.reetrace.app.web.ProblemException;
import org.reetrace.core.registry.Facility;
import org.reetrace.core.registry.FacilityId;

import tools.jackson.databind.JsonNode;

/**
 * Reading a booked event as it was booked, with its sequence, hash, link and the instant it was recorded: the
 * regulator, customs and auditors read every event, an operator those at its own facilities.
 */
@UseCase
public class ReadEvent {

    private final LedgerStore store;
    private final StoredRegistry registry;

    public ReadEvent(LedgerStore store, StoredRegistry registry) {
        this.store = store;
        this.registry = registry;
    }

    /** The event in the native JSON form; an event the caller may not read is forbidden, an unknown one not found. */
    public JsonNode read(Caller caller, String eventId) {
        LedgerStore.EventRecord record = store.event(eventId)
                .orElseThrow(() -> ProblemException.notFound("event", eventId));
        Facility facility = registry.facility(FacilityId.of(record.facility()))
                .orElseThrow(() -> ProblemException.notFound("event", eventId));
        caller.requireReader(facility.operator().value());
        return record.json();
    }
}
