package org.reetrace.core.event;

import java.time.Instant;
import java.util.Objects;

import org.reetrace.core.composition.Mass;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.registry.FacilityId;

/** The destination takes custody of a lot in transit and weighs it again. */
public record Receive(EventId id, Instant time, FacilityId facility, LotId lot, Mass receivedMass)
        implements LedgerEvent {

    public Receive {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(facility, "facility");
        Objects.requireNonNull(lot, "lot");
        Objects.requireNonNull(receivedMass, "receivedMass");
    }
}
