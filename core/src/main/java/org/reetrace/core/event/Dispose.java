package org.reetrace.core.event;

import java.time.Instant;
import java.util.Objects;

import org.reetrace.core.lot.LotId;
import org.reetrace.core.registry.FacilityId;

/** A residue lot enters final disposal at the disposal facility that holds it. */
public record Dispose(EventId id, Instant time, FacilityId facility, LotId lot) implements LedgerEvent {

    public Dispose {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(facility, "facility");
        Objects.requireNonNull(lot, "lot");
    }
}
