package org.reetrace.core.registry;

public enum FacilityKind {
    MINE,
    IN_SITU_LEACH_MINE,
    CONCENTRATOR,
    CRACKING_PLANT,
    SEPARATION_PLANT,
    METAL_PLANT,
    MAGNET_PLANT,
    RECYCLER,
    DISPOSAL_FACILITY,
    PORT,
    WAREHOUSE;

    /** Only mines create material from the ground. */
    public boolean extracts() {
        return this == MINE || this == IN_SITU_LEACH_MINE;
    }
}
