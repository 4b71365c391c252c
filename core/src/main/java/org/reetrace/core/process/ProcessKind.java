package org.reetrace.core.process;

/**
 * What a transformation does. Processing processes add a stage to the pedigree of what they make
 * ({@code StageKind.of}) and need a licence for the facility; handling (splitting a lot, blending lots) changes
 * neither.
 */
public enum ProcessKind {
    CONCENTRATION,
    CRACKING,
    LEACHING,
    SEPARATION,
    METAL_MAKING,
    MAGNET_MAKING,
    MANUFACTURING,
    RECYCLING,
    SPLIT,
    BLEND;

    public boolean needsLicence() {
        return this != SPLIT && this != BLEND;
    }
}
