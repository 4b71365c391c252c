package org.reetrace.core.event;

import java.time.Instant;
import java.util.Objects;

import org.reetrace.core.lot.LotId;
import org.reetrace.core.registry.FacilityId;

/** A whole lot leaves the country under a customs declaration. */
public record Export(EventId id, Instant time, FacilityId facility, LotId lot, CustomsDeclaration declaration)
        implements LedgerEvent {

    public Export {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(facility, "facility");
        Objects.requireNonNull(lot, "lot");
        Objects.requireNonNull(declaration, "declaration");
    }
}
