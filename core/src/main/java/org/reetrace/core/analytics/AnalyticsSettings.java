package org.reetrace.core.analytics;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Objects;

import org.reetrace.core.composition.Mass;
import org.reetrace.core.process.ProcessKind;
import org.reetrace.core.registry.FacilityId;

/**
 * Everything the enforcement analytics need to know that the ledger does not: the measurement model and expected
 * losses (for sigma-MUF), the sequential test, the fingerprint baseline and false-positive rate, quotas and
 * capacities (from the licences), plausible yields, the residue deadline and activity limit, the export purity
 * threshold, the mirror-trade settings and the origin checks (blends, round trips). {@code offset} fixes which month an event falls in.
 */
public record AnalyticsSettings(MeasurementModel measurement, LossModel losses, ZoneOffset offset, Cusum cusum,
                                YearMonth fingerprintBaselineEnd, double fingerprintFalsePositiveRate,
                                Map<FacilityId, Mass> annualOreQuota, Map<FacilityId, Mass> annualCapacity,
                                Map<ProcessKind, YieldBand> yieldBands, Duration residueDeadline,
                                double residueActivityLimit, double exportMinPurity, MirrorTradeSettings mirrorTrade,
                                Duration transitTime, OriginSettings origin) {

    /** The transit time a route has until its own shipments teach a better one: two weeks, across the country. */
    public static final Duration DEFAULT_TRANSIT_TIME = Duration.ofDays(14);

    /** With the default transit time. */
    public AnalyticsSettings(MeasurementModel measurement, LossModel losses, ZoneOffset offset, Cusum cusum,
                             YearMonth fingerprintBaselineEnd, double fingerprintFalsePositiveRate,
                             Map<FacilityId, Mass> annualOreQuota, Map<FacilityId, Mass> annualCapacity,
                             Map<ProcessKind, YieldBand> yieldBands, Duration residueDeadline,
                             double residueActivityLimit, double exportMinPurity, MirrorTradeSettings mirrorTrade) {
        this(measurement, losses, offset, cusum, fingerprintBaselineEnd, fingerprintFalsePositiveRate, annualOreQuota,
                annualCapacity, yieldBands, residueDeadline, residueActivityLimit, exportMinPurity, mirrorTrade,
                DEFAULT_TRANSIT_TIME);
    }

    /** With the default origin checks. */
    public AnalyticsSettings(MeasurementModel measurement, LossModel losses, ZoneOffset offset, Cusum cusum,
                             YearMonth fingerprintBaselineEnd, double fingerprintFalsePositiveRate,
                             Map<FacilityId, Mass> annualOreQuota, Map<FacilityId, Mass> annualCapacity,
                             Map<ProcessKind, YieldBand> yieldBands, Duration residueDeadline,
                             double residueActivityLimit, double exportMinPurity, MirrorTradeSettings mirrorTrade,
                             Duration transitTime) {
        this(measurement, losses, offset, cusum, fingerprintBaselineEnd, fingerprintFalsePositiveRate, annualOreQuota,
                annualCapacity, yieldBands, residueDeadline, residueActivityLimit, exportMinPurity, mirrorTrade,
                transitTime, OriginSettings.DEFAULT);
    }

    /** These settings with other origin checks. */
    public AnalyticsSettings withOrigin(OriginSettings other) {
        return new AnalyticsSettings(measurement, losses, offset, cusum, fingerprintBaselineEnd,
                fingerprintFalsePositiveRate, annualOreQuota, annualCapacity, yieldBands, residueDeadline,
                residueActivityLimit, exportMinPurity, mirrorTrade, transitTime, other);
    }

    /**
     * The CUSUM the evaluation uses: k = 1 (tuned to a loss of two sigma-MUF a month) and a threshold for half a
     * false alarm per 100 facility-years by Siegmund's approximation, half the goal of one, as margin for the
     * ways real balances depart from N(0, 1).
     */
    public static final Cusum DEFAULT_CUSUM = Cusum.forFalseAlarmRate(1.0, 0.005, 12);

    public AnalyticsSettings {
        Objects.requireNonNull(measurement, "measurement model");
        Objects.requireNonNull(losses, "loss model");
        Objects.requireNonNull(offset, "offset");
        Objects.requireNonNull(cusum, "cusum");
        Objects.requireNonNull(fingerprintBaselineEnd, "fingerprint baseline end");
        annualOreQuota = Map.copyOf(annualOreQuota);
        annualCapacity = Map.copyOf(annualCapacity);
        yieldBands = Map.copyOf(yieldBands);
        Objects.requireNonNull(residueDeadline, "residue deadline");
        Objects.requireNonNull(mirrorTrade, "mirror trade settings");
        if (transitTime == null || transitTime.isNegative() || transitTime.isZero()) {
            throw new IllegalArgumentException("a route's transit time must be positive, not " + transitTime);
        }
        Objects.requireNonNull(origin, "origin settings");
    }
}
