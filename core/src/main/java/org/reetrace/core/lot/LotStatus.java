package org.reetrace.core.lot;

public enum LotStatus {
    ACTIVE,
    IN_TRANSIT,
    CONSUMED,
    EXPORTED,
    DISPOSED,
    /**
     * Booked in error and reversed: the lot never existed. It weighs nothing and has no pedigree; a corrective
     * event may book its id again.
     */
    VOID;

    /** Only an active lot can be acted on; a lot in transit only by its receiver. */
    public boolean isOpen() {
        return this == ACTIVE || this == IN_TRANSIT;
    }
}
