package org.reetrace.core.registry;

/**
 * What a zone is. The first three are where Malaysian federal policy forbids rare-earth mining (MY-MIN-01,
 * stated 2023-09-18: permanent forest reserves, water catchment areas and environmentally sensitive areas; and
 * MY-MIN-02, National Land Council 2014). Administrative areas (states) carry no prohibition; they let rules and
 * reports say in which state something happened (royalties differ: Perak 12 %, Kedah 15 %).
 */
public enum ZoneKind {
    PERMANENT_FOREST_RESERVE(true),
    WATER_CATCHMENT(true),
    ENVIRONMENTALLY_SENSITIVE_AREA(true),
    ADMINISTRATIVE(false);

    private final boolean noMining;

    ZoneKind(boolean noMining) {
        this.noMining = noMining;
    }

    /** True where the federal policy forbids rare-earth mining. */
    public boolean prohibitsMining() {
        return noMining;
    }
}
