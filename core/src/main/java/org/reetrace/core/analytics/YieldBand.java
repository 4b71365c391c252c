package org.reetrace.core.analytics;

/**
 * The share of the rare earths that goes in and can plausibly come out as product of one process: below
 * {@code min} the process is losing (or hiding) material, above {@code max} it claims a recovery no plant of the
 * kind achieves, which is how a relabelling with no real processing shows.
 */
public record YieldBand(double min, double max) {

    public YieldBand {
        if (!(min >= 0 && min <= max && max <= 1)) {
            throw new IllegalArgumentException("a yield band needs 0 <= min <= max <= 1: " + min + ", " + max);
        }
    }

    public boolean contains(double recovery) {
        return recovery >= min && recovery <= max;
    }
}
