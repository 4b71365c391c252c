package org.reetrace.core.lot;

public enum LotStatus {
    ACTIVE,
    IN_TRANSIT,
    CONSUMED,
    EXPORTED,
    DISPOSED;

    /** Only an active lot can be acted on; a lot in transit only by its receiver. */
    public boolean isOpen() {
        return this == ACTIVE || this == IN_TRANSIT;
    }
}
