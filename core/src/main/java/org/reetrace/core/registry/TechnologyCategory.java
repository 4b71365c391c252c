package org.reetrace.core.registry;

import java.util.Optional;

import org.reetrace.core.process.ProcessKind;

/**
 * Rare-earth technology categories as China's Catalogue of Technologies Prohibited and Restricted from Export
 * (MOFCOM & MOST, 2023 revision, in force 2023-12-21; CN-TECH-01) groups them. Prohibited from export: rare-earth
 * extraction and separation, metal and alloy production, and SmCo, NdFeB and Ce magnet preparation. Restricted:
 * mining, beneficiation and smelting. Announcement 62 of 2025 adds recycling (suspended until 2026-11-10).
 */
public enum TechnologyCategory {
    MINING(false),
    BENEFICIATION(false),
    /** Hydrometallurgical extraction: cracking and leaching of concentrate (also called smelting in the catalogue). */
    EXTRACTION(true),
    SEPARATION(true),
    METAL(true),
    MAGNET(true),
    RECYCLING(false);

    private final boolean prohibited;

    TechnologyCategory(boolean prohibited) {
        this.prohibited = prohibited;
    }

    /** On the 2023 catalogue's prohibited list, rather than restricted or free. */
    public boolean prohibitedByChina() {
        return prohibited;
    }

    /** The category the technology of a process belongs to; none for handling (split, blend). */
    public static Optional<TechnologyCategory> of(ProcessKind process) {
        return Optional.ofNullable(switch (process) {
            case CONCENTRATION -> BENEFICIATION;
            case CRACKING, LEACHING -> EXTRACTION;
            case SEPARATION -> SEPARATION;
            case METAL_MAKING -> METAL;
            case MAGNET_MAKING -> MAGNET;
            case RECYCLING -> RECYCLING;
            case MANUFACTURING, SPLIT, BLEND -> null;
        });
    }
}
