package org.reetrace.core.registry;

import java.time.Instant;
import java.util.Optional;

/** What the ledger needs to know about who is who. Implemented over the stored registry. */
public interface Registry {

    Optional<Facility> facility(FacilityId id);

    Optional<Operator> operator(OperatorId id);

    /**
     * The registry as it stood at {@code at}, so that an event is checked against the facilities and operators
     * registered at its time. A registry without history is the same at every instant; {@link VersionedRegistry}
     * returns the snapshot in force then.
     */
    default Registry asOf(Instant at) {
        return this;
    }
}
