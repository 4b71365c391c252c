package org.reetrace.core.registry;

import java.time.Instant;
import java.util.Objects;

/** A gazetted area with a kind, in force over a period (a forest reserve can be degazetted, a catchment added). */
public record Zone(ZoneCode code, String name, ZoneKind kind, Area area, Validity validity) {

    public Zone {
        Objects.requireNonNull(code, "zone code");
        Objects.requireNonNull(kind, "zone kind");
        Objects.requireNonNull(area, "zone area");
        Objects.requireNonNull(validity, "zone validity");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("zone " + code + " needs a name");
        }
    }

    public boolean covers(GeoPoint p, Instant at) {
        return validity.contains(at) && area.contains(p);
    }
}
