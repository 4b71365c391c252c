package org.reetrace.app.epcis;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One reason an event (or, with no index, the whole job) failed, as a capture job lists it.
 *
 * @param eventIndex the event's place in the document, absent for the job's own failure
 * @param eventId    the event's eventID where it has one
 * @param field      where in the event the fault lies (a JSON pointer relative to the event)
 */
public record CaptureError(String type, String title, String detail,
                    @JsonInclude(JsonInclude.Include.NON_NULL) Integer eventIndex,
                    @JsonProperty("eventID") @JsonInclude(JsonInclude.Include.NON_NULL) String eventId,
                    @JsonInclude(JsonInclude.Include.NON_NULL) String field) {

    /** A failure of the job as a whole, not of one event. */
    static CaptureError ofJob(String type, String title, String detail) {
        return new CaptureError(type, title, detail, null, null, null);
    }
}
