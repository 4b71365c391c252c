package org.reetrace.core.ledger;

import org.reetrace.core.composition.Proportion;

/**
 * How much of an element a transformation may put out beyond what went in before the ledger refuses it as
 * created out of nothing: measurement error of assays and scales. The allowance for each element is the larger
 * of a relative share of the element's input ({@code partsPerMillion}) and a floor in mg; a received lot may weigh
 * more than shipped by the same relative share. Within tolerance the difference is booked as unexplained.
 */
public record Tolerance(long partsPerMillion, long floorMg) {

    /** 0.5 % and 1 g: typical of industrial assays and weighbridges. */
    public static final Tolerance DEFAULT = new Tolerance(5_000, 1_000);

    public Tolerance {
        if (partsPerMillion < 0 || partsPerMillion > 1_000_000 || floorMg < 0) {
            throw new IllegalArgumentException("tolerance must be 0..1,000,000 ppm and a non-negative floor: "
                    + partsPerMillion + " ppm, " + floorMg + " mg");
        }
    }

    public long allowanceMg(long inputMg) {
        return Math.max(floorMg, Proportion.scale(inputMg, partsPerMillion, 1_000_000));
    }
}
