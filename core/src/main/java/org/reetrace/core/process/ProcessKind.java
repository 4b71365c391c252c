package org.reetrace.core.process;

import java.util.Optional;

import org.reetrace.core.pedigree.StageKind;

/**
 * What a transformation does. Processing processes add a stage to the pedigree of what they make and need a
 * licence for the facility; handling (splitting a lot, blending lots) changes neither.
 */
public enum ProcessKind {
    CONCENTRATION(StageKind.CONCENTRATION),
    CRACKING(StageKind.CRACKING),
    LEACHING(StageKind.CRACKING),
    SEPARATION(StageKind.SEPARATION),
    METAL_MAKING(StageKind.METAL_MAKING),
    MAGNET_MAKING(StageKind.MAGNET_MAKING),
    MANUFACTURING(StageKind.MANUFACTURING),
    RECYCLING(StageKind.RECYCLING),
    SPLIT(null),
    BLEND(null);

    private final StageKind stage;

    ProcessKind(StageKind stage) {
        this.stage = stage;
    }

    public Optional<StageKind> stage() {
        return Optional.ofNullable(stage);
    }

    public boolean needsLicence() {
        return stage != null;
    }
}
