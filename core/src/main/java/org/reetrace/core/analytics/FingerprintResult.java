package org.reetrace.core.analytics;

import org.reetrace.core.registry.FacilityId;

/**
 * An assay tested against a mine's signature: its squared Mahalanobis distance, the critical distance for the
 * false-positive rate asked for, the p-value (the chance that a lot of that mine lies this far or farther) and the
 * chondrite-normalised pattern over the signature's elements.
 */
public record FingerprintResult(FacilityId mine, double distanceSquared, double criticalDistanceSquared,
                                double pValue, boolean flagged, double[] pattern) {

    public FingerprintResult {
        pattern = pattern.clone();
    }

    @Override
    public double[] pattern() {
        return pattern.clone();
    }
}
