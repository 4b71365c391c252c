package org.reetrace.core.pedigree;

import java.util.Optional;

import org.reetrace.core.process.ProcessKind;

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
    RECYCLING;

    /** The stage a process adds to the pedigree of what it makes; none for handling (a split or a blend). */
    public static Optional<StageKind> of(ProcessKind process) {
        return Optional.ofNullable(switch (process) {
            case CONCENTRATION -> CONCENTRATION;
            case CRACKING, LEACHING -> CRACKING;
            case SEPARATION -> SEPARATION;
            case METAL_MAKING -> METAL_MAKING;
            case MAGNET_MAKING -> MAGNET_MAKING;
            case MANUFACTURING -> MANUFACTURING;
            case RECYCLING -> RECYCLING;
            case SPLIT, BLEND -> null;
        });
    }
}
