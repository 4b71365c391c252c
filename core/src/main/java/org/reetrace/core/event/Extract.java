package org.reetrace.core.event;

import java.time.Instant;
import java.util.Objects;

import org.reetrace.core.composition.Composition;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.lot.MaterialForm;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.registry.GeoPoint;

/** A mine creates a lot from the ground, at a point inside its lease. */
public record Extract(EventId id, Instant time, FacilityId facility, LotId lot, MaterialForm form, Mass mass,
                      Composition composition, GeoPoint location) implements LedgerEvent {

    public Extract {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(facility, "facility");
        Objects.requireNonNull(lot, "lot");
        Objects.requireNonNull(form, "form");
        Objects.requireNonNull(mass, "mass");
        Objects.requireNonNull(composition, "composition");
    }
}
