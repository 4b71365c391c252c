package org.reetrace.app.lot;

import java.util.List;

import org.reetrace.app.UseCase;
import org.reetrace.app.registry.StoredRegistry;
import org.reetrace.app.security.Caller;
import org.reetrace.app.web.ProblemException;
import org.reetrace.core.registry.Facility;
import org.reetrace.core.registry.FacilityId;

/** Listing a facility's booked events page by page, the newest first, for the readers of the facility's operator. */
@UseCase
public class ListFacilityEvents {

    /** {@code page} from 0; {@code total} every event of the facility. */
    public record FacilityEvents(String facility, long total, int page, int size, List<LotQueries.EventSummary> events) {

        public FacilityEvents {
            events = List.copyOf(events);
        }

        public int pages() {
            return (int) Math.max(1, (total + size - 1) / size);
        }
    }

    private final LotQueries queries;
    private final StoredRegistry registry;

    public ListFacilityEvents(LotQueries queries, StoredRegistry registry) {
        this.queries = queries;
        this.registry = registry;
    }

    /** {@code size} 1 to 200. */
    public FacilityEvents list(Caller caller, String facilityId, int page, int size) {
        Facility facility = registry.facility(FacilityId.of(facilityId))
                .orElseThrow(() -> ProblemException.notFound("facility", facilityId));
        caller.requireReader(facility.operator().value());
        int rows = Math.max(1, Math.min(size, 200));
        int from = Math.max(0, page);
        long offset = Math.min((long) from * rows, Integer.MAX_VALUE);
        return new FacilityEvents(facilityId, queries.eventCount(facilityId), from, rows,
                queries.events(facilityId, (int) offset, rows));
    }
}
