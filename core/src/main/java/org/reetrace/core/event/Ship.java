package org.reetrace.core.event;

import java.time.Instant;
import java.util.Objects;

import org.reetrace.core.lot.LotId;
import org.reetrace.core.registry.FacilityId;

/** The holder sends a whole lot to another facility; it is in transit until received. */
public record Ship(EventId id, Instant time, FacilityId facility, LotId lot, FacilityId destination)
        implements LedgerEvent {

    public Ship {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(facility, "facility");
        Objects.requireNonNull(lot, "lot");
        Objects.requireNonNull(destination, "destination");
    }
}
