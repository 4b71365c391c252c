package org.reetrace.core.event;

import java.time.Instant;
import java.util.Objects;

import org.reetrace.core.composition.Composition;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.registry.FacilityId;

/** A stock-take found a lot to weigh and contain something else than booked; declared as such, with a reason. */
public record Adjust(EventId id, Instant time, FacilityId facility, LotId lot, Mass mass, Composition composition,
                     String reason) implements LedgerEvent {

    public Adjust {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(facility, "facility");
        Objects.requireNonNull(lot, "lot");
        Objects.requireNonNull(mass, "mass");
        Objects.requireNonNull(composition, "composition");
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("an adjustment needs a reason");
        }
    }
}
