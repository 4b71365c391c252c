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
 * threshold, the mirror-trade settings, the origin checks (blends, round trips) and what the sequential tests on
 * balances are set for ({@code cusum} is their abrupt-loss test, {@code detection} the false-alarm budget and
 * diversion goals of all of them). {@code offset} fixes which month an event falls in.
 */
public record AnalyticsSettings(MeasurementModel measurement, LossModel losses, ZoneOffset offset, Cusum cusum,
                                YearMonth fingerprintBaselineEnd, double fingerprintFalsePositiveRate,
                                Map<FacilityId, Mass> annualOreQuota, Map<FacilityId, Mass> annualCapacity,
                                Map<ProcessKind, YieldBand> yieldBands, Duration residueDeadline,
                                double residueActivityLimit, double exportMinPurity, MirrorTradeSettings mirrorTrade,
                                Duration transitTime, OriginSettings origin, DetectionSettings detection) {

    /** The transit time a route has until its own shipments teach a better one: two weeks, across the country. */
    public static final Duration DEFAULT_TRANSIT_TIME = Duration.ofDays(14);

    /** With the default origin checks and detection settings. */
    public AnalyticsSettings(MeasurementModel measurement, LossModel losses, ZoneOffset offset, Cusum cusum,
                             YearMonth fingerprintBaselineEnd, double fingerprintFalsePositiveRate,
                             Map<FacilityId, Mass> annualOreQuota, Map<FacilityId, Mass> annualCapacity,
                             Map<ProcessKind, YieldBand> yieldBands, Duration residueDeadline,
                             double residueActivityLimit, double exportMinPurity, MirrorTradeSettings mirrorTrade,
                             Duration transitTime) {
        this(measurement, losses, offset, cusum, fingerprintBaselineEnd, fingerprintFalsePositiveRate, annualOreQuota,
                annualCapacity, yieldBands, residueDeadline, residueActivityLimit, exportMinPurity, mirrorTrade,
                transitTime, OriginSettings.DEFAULT, DetectionSettings.DEFAULT);
    }

    /** With the default transit time, origin checks and detection settings. */
    public AnalyticsSettings(MeasurementModel measurement, LossModel losses, ZoneOffset offset, Cusum cusum,
                             YearMonth fingerprintBaselineEnd, double fingerprintFalsePositiveRate,
                             Map<FacilityId, Mass> annualOreQuota, Map<FacilityId, Mass> annualCapacity,
                             Map<ProcessKind, YieldBand> yieldBands, Duration residueDeadline,
                             double residueActivityLimit, double exportMinPurity, MirrorTradeSettings mirrorTrade) {
        this(measurement, losses, offset, cusum, fingerprintBaselineEnd, fingerprintFalsePositiveRate, annualOreQuota,
                annualCapacity, yieldBands, residueDeadline, residueActivityLimit, exportMinPurity, mirrorTrade,
                DEFAULT_TRANSIT_TIME);
    }

    /** These settings with other origin checks. */
    public AnalyticsSettings withOrigin(OriginSettings other) {
        return new AnalyticsSettings(measurement, losses, offset, cusum, fingerprintBaselineEnd,
                fingerprintFalsePositiveRate, annualOreQuota, annualCapacity, yieldBands, residueDeadline,
                residueActivityLimit, exportMinPurity, mirrorTrade, transitTime, other, detection);
    }

    /** These settings with other detection settings. */
    public AnalyticsSettings withDetection(DetectionSettings other) {
        return new AnalyticsSettings(measurement, losses, offset, cusum, fingerprintBaselineEnd,
                fingerprintFalsePositiveRate, annualOreQuota, annualCapacity, yieldBands, residueDeadline,
                residueActivityLimit, exportMinPurity, mirrorTrade, transitTime, origin, other);
    }

    /**
     * The abrupt-loss test on total rare earths: Page's CUSUM with k = 1 (tuned to a loss of two sigma-MUF a month)
     * and a threshold for 0.2 false alarms per 100 facility-years by Siegmund's approximation: 40 % of the budget of
     * half a false alarm ({@link DetectionSettings#DEFAULT}), the rest going to the tests for protracted diversion
     * ({@link BalanceTests}).
     */
    public static final Cusum DEFAULT_CUSUM = Cusum.forFalseAlarmRate(1.0, 0.002, 12);

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
        Objects.requireNonNull(detection, "detection settings");
        if (transitTime == null || transitTime.isNegative() || transitTime.isZero()) {
            throw new IllegalArgumentException("a route's transit time must be positive, not " + transitTime);
        }
        Objects.requireNonNull(origin, "origin settings");
    }
}
