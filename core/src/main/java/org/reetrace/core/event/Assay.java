package org.reetrace.core.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;

import org.reetrace.core.composition.Composition;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.registry.FacilityId;

/**
 * A measured composition of a lot, and optionally its specific activity in Bq/g. The measurement replaces the
 * booked composition; the difference is booked as an adjustment, never silently absorbed.
 */
public record Assay(EventId id, Instant time, FacilityId facility, LotId lot, Composition measured,
                    BigDecimal activity) implements LedgerEvent {

    public Assay {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(facility, "facility");
        Objects.requireNonNull(lot, "lot");
        Objects.requireNonNull(measured, "measured");
        if (activity != null && activity.signum() < 0) {
            throw new IllegalArgumentException("activity must not be negative: " + activity + " Bq/g");
        }
    }
}
