package org.reetrace.core.pedigree;

/**
 * The processing stages a pedigree remembers, in the order material passes them. Buyers' rules ask about
 * these: the US defence rule covers material mined, separated, melted or produced in a covered country; the EU
 * cap looks at each stage's country.
 */
public enum StageKind {
    MINING,
    CONCENTRATION,
    CRACKING,
    SEPARATION,
    METAL_MAKING,
    MAGNET_MAKING,
    MANUFACTURING,
    RECYCLING
}
