package org.reetrace.core.registry;

import java.util.Optional;

/** What the ledger needs to know about who is who. Implemented over the stored registry. */
public interface Registry {

    Optional<Facility> facility(FacilityId id);

    Optional<Operator> operator(OperatorId id);
}
