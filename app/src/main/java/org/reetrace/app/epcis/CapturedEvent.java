package org.reetrace.app.epcis;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.reetrace.core.registry.FacilityId;
import org.reetrace.epcis.document.EpcisEvent;
import org.reetrace.epcis.document.QuantityElement;
import org.reetrace.epcis.hash.EventHash;
import org.reetrace.epcis.json.JsonDocumentWriter;
import org.reetrace.epcis.profile.ProfileReader;
import org.reetrace.epcis.profile.ProfileReading;
import org.reetrace.epcis.profile.ProfileWriter;
import org.reetrace.epcis.profile.RareEarthProfile;

/**
 * An event as the repository records it: with its eventID (its own, or one derived from its hash), the time of
 * recording, its hash, the facility it belongs to and what the rare-earth profile makes of it. Each pass over a
 * document maps each event once, here; everything later (authorisation, the ledger event, the EPCIS row) reads
 * this record, never the event's profile again.
 *
 * @param hash null where the pass needs none (the check before a capture is accepted)
 */
record CapturedEvent(int index, EpcisEvent event, String hash, Optional<FacilityId> facility, ProfileReading reading) {

    /**
     * GS1: "If event IDs are missing, the server should populate the event ID with a unique value." The id given is
     * the event's GS1 event hash ({@code ni:///sha-256;...?ver=CBV2.0}, CBV 2.0 section 8.9): the same in every
     * pass over a document and in every capture of it, so a document sent again without eventIDs is a replay and
     * stored once. Two events alike in every field but their record time are one event, as the hash defines it.
     */
    static CapturedEvent of(int index, EpcisEvent raw, Instant recordTime) {
        return map(index, raw, recordTime, EventHash.of(raw));
    }

    /** The event as {@link #of} maps it, without the hash, which a check does not need. */
    static CapturedEvent checked(int index, EpcisEvent raw) {
        return map(index, raw, Instant.EPOCH, null);
    }

    private static CapturedEvent map(int index, EpcisEvent raw, Instant recordTime, String hash) {
        String id = raw.eventID() != null ? raw.eventID() : hash != null ? hash : EventHash.of(raw);
        EpcisEvent recorded = ProfileWriter.recorded(raw, id, recordTime);
        return new CapturedEvent(index, recorded, hash, RareEarthProfile.facilityOf(raw),
                ProfileReader.read(recorded, id));
    }

    /**
     * The event as {@link #of} records it, mapped only as far as its row needs: its hash and profile reading were
     * taken in an earlier pass over the same document ({@link #known()}) and are not taken again, but for an event
     * without eventID, whose id its hash is.
     */
    static Recorded recorded(EpcisEvent raw, Instant recordTime) {
        String id = raw.eventID() != null ? raw.eventID() : EventHash.of(raw);
        return new Recorded(ProfileWriter.recorded(raw, id, recordTime), RareEarthProfile.facilityOf(raw));
    }

    /** An event recorded, before its row: enough to tell whether it is one to store ({@link #key}). */
    record Recorded(EpcisEvent event, Optional<FacilityId> facility) {
        String key() {
            return keyOf(event);
        }

        StoredRow row(Known known, String operatorId, String captureId) {
            return StoredRow.of(event, known.hash(), facility, known.ledgerEvent(), operatorId, captureId);
        }
    }

    /** What an earlier pass learnt of an event and the row needs: its hash and the ledger event it is, if any. */
    record Known(String hash, String ledgerEvent) {
    }

    Known known() {
        return new Known(hash, ledgerEvent());
    }

    private String ledgerEvent() {
        return reading instanceof ProfileReading.Profiled p ? p.event().type().name() : null;
    }

    /** What the store appends to the eventID of an error declaration to keep it apart from the original. */
    static final String ERROR_DECLARATION_KEY = " (error declaration)";

    String eventId() {
        return event.eventID();
    }

    /**
     * The identity the store keeps the event under: its eventID, or for an error declaration (which GS1 lets
     * carry the eventID of the event it declares wrong) the eventID marked as the declaration. Ids have no spaces,
     * so the mark cannot collide with another id.
     */
    String key() {
        return keyOf(event);
    }

    private static String keyOf(EpcisEvent event) {
        return event.errorDeclaration() == null ? event.eventID() : event.eventID() + ERROR_DECLARATION_KEY;
    }

    /** The row the store keeps; {@code operatorId} is the facility's operator at capture. */
    StoredRow row(String operatorId, String captureId) {
        return StoredRow.of(event, hash, facility, ledgerEvent(), operatorId, captureId);
    }

    record StoredRow(String eventId, String hash, String eventType, Instant eventTime, Instant recordTime, String action,
                     String bizStep, String disposition, String readPoint, String bizLocation, String facilityId,
                     String operatorId, List<String> epcs, List<String> anyEpcs, List<String> epcClasses,
                     List<String> anyEpcClasses, String ledgerEvent, String captureId, boolean errorDeclaration,
                     String body) {

        static StoredRow of(EpcisEvent e, String hash, Optional<FacilityId> facility, String ledgerEvent,
                            String operatorId, String captureId) {
            List<String> epcs = new ArrayList<>(e.epcList());
            epcs.addAll(e.childEPCs());
            List<String> anyEpcs = new ArrayList<>(epcs);
            if (e.parentID() != null) {
                anyEpcs.add(e.parentID());
            }
            anyEpcs.addAll(e.inputEPCList());
            anyEpcs.addAll(e.outputEPCList());
            List<String> classes = new ArrayList<>(e.quantityList().stream().map(QuantityElement::epcClass).toList());
            e.childQuantityList().forEach(q -> classes.add(q.epcClass()));
            List<String> anyClasses = new ArrayList<>(classes);
            e.inputQuantityList().forEach(q -> anyClasses.add(q.epcClass()));
            e.outputQuantityList().forEach(q -> anyClasses.add(q.epcClass()));
            return new StoredRow(e.eventID(), hash, e.eventType(), e.eventTime(), e.recordTime(),
                    e.action() == null ? null : e.action().name(), e.bizStep(), e.disposition(),
                    e.readPoint() == null ? null : e.readPoint().id(),
                    e.bizLocation() == null ? null : e.bizLocation().id(),
                    facility.map(FacilityId::value).orElse(null), operatorId, epcs, anyEpcs, classes, anyClasses,
                    ledgerEvent, captureId, e.errorDeclaration() != null,
                    // only the profile's prefix is kept: the document's own prefixes can clash between documents,
                    // and the writer declares whatever else the event uses in the event's own @context
                    JsonDocumentWriter.eventToJson(e, Map.of(RareEarthProfile.PREFIX, RareEarthProfile.NAMESPACE)));
        }
    }
}
