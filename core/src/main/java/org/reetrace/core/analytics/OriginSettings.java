package org.reetrace.core.analytics;

import java.time.Duration;

/**
 * The settings of the origin checks beside the fingerprint: the false-positive rate per lot of the blend test (over
 * all candidate deposits together), and for round trips how long after an export an import can be the same
 * material coming back and the chi-square quantile within which its proportions count as the export's.
 *
 * <p>The blend rate is per lot, and mines book hundreds of lots a year: 1e-4 keeps honest ore's alerts well under
 * one per 100 facility-years. The detectable fractions are also stated at 2 % (the rate of a single lot's
 * question, as a laboratory would ask it).
 */
public record OriginSettings(double blendFalsePositiveRate, Duration roundTripWindow, double roundTripMatchLevel) {

    public static final OriginSettings DEFAULT = new OriginSettings(1e-4, Duration.ofDays(365), 0.999);

    public OriginSettings {
        if (!(blendFalsePositiveRate > 0 && blendFalsePositiveRate < 0.5)) {
            throw new IllegalArgumentException("the blend false-positive rate lies in (0, 1/2): " + blendFalsePositiveRate);
        }
        if (roundTripWindow == null || roundTripWindow.isNegative() || roundTripWindow.isZero()) {
            throw new IllegalArgumentException("the round-trip window must be positive, not " + roundTripWindow);
        }
        if (!(roundTripMatchLevel > 0 && roundTripMatchLevel < 1)) {
            throw new IllegalArgumentException("the round-trip match level lies in (0, 1): " + roundTripMatchLevel);
        }
    }
}
