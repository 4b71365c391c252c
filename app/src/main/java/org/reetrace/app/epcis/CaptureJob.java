package org.reetrace.app.epcis;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A capture job as the GS1 REST binding shows it ({@code GET /epcis/capture/{captureID}}): when it ran, whether it
 * succeeded, how many events the document held and how many were stored, and why the others were not (the first
 * thousand reasons).
 *
 * @param createdAt  when the document was accepted (ISO 8601 instant)
 * @param finishedAt when the job ended, absent while it runs
 */
public record CaptureJob(@JsonProperty("captureID") String captureId, String createdAt,
                  @JsonInclude(JsonInclude.Include.NON_NULL) String finishedAt, boolean running, boolean success,
                  String captureErrorBehaviour, int eventCount, int storedCount, List<CaptureError> errors) {

    /** One page of capture jobs and the token of the next page, null on the last. */
    record Page(List<CaptureJob> jobs, String nextPageToken) {
    }
}
