package org.reetrace.app.analytics;

import java.time.Duration;
import java.time.YearMonth;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code reetrace.analytics.*}: what the enforcement analytics need beyond the registry. Everything else (the
 * measurement model, expected losses, yield bands, CUSUM, thresholds) defaults to the settings the simulator's
 * evaluation measured, see {@link AnalyticsSettingsSource}.
 *
 * @param enabled                whether committed entries feed the analytics at all
 * @param jurisdiction           the regulator whose alerts these are (stored as the alerts' jurisdiction)
 * @param capacityTonnes         registered capacity per facility id, tonnes of rare-earth elements a year
 *                               (the registry has no capacities yet); merged over the scenario's plants
 * @param fingerprintBaselineEnd the last month whose extractions make a mine's signature (default 2026-12, the
 *                               Malaysia scenario's baseline year)
 * @param roundTripWindow        how long after an export an import can be that export coming back (default 365
 *                               days)
 * @param detectionGoalPercent   the diversion, in % of a facility's throughput a month, its balances must be able to
 *                               show within 12 balances; a facility whose minimum detectable diversion exceeds it
 *                               raises {@code INSUFFICIENT_MEASUREMENT} (default 2)
 */
@ConfigurationProperties("reetrace.analytics")
public record AnalyticsProperties(@DefaultValue("true") boolean enabled, @DefaultValue("MY") String jurisdiction,
                                  Map<String, Double> capacityTonnes,
                                  @DefaultValue("2026-12") YearMonth fingerprintBaselineEnd,
                                  @DefaultValue("365d") Duration roundTripWindow,
                                  @DefaultValue("2.0") double detectionGoalPercent) {

    public AnalyticsProperties {
        capacityTonnes = capacityTonnes == null ? Map.of() : Map.copyOf(capacityTonnes);
    }
}
