package org.reetrace.app.lot;

import java.util.HashMap;
import java.util.Map;

import org.reetrace.app.registry.StoredRegistry;
import org.reetrace.app.security.Caller;
import org.reetrace.core.lot.Lot;
import org.reetrace.core.registry.FacilityId;

/**
 * What one caller may see of the lots and events a trace, pedigree or stock passes through (DESIGN section 8): the
 * regulator, customs and auditors everything; an operator the lots it holds and the events at its own facilities,
 * and of everything else only that it exists, as counts with no ids, events, times, facilities or quantities.
 */
final class Disclosure {

    private final Caller caller;
    private final StoredRegistry registry;
    private final Map<String, Boolean> ownFacilities = new HashMap<>();

    Disclosure(Caller caller, StoredRegistry registry) {
        this.caller = caller;
        this.registry = registry;
    }

    boolean all() {
        return caller.readsAll();
    }

    boolean lot(Lot lot) {
        return all() || caller.actsFor(lot.holder().value());
    }

    /** Whether an event at this facility, or a mine as an origin, is the caller's own record. */
    boolean facility(String facilityId) {
        return all() || ownFacilities.computeIfAbsent(facilityId, id -> {
            try {
                return registry.facility(FacilityId.of(id)).filter(f -> caller.actsFor(f.operator().value())).isPresent();
            } catch (IllegalArgumentException notAFacilityId) {
                return false;
            }
        });
    }
}
