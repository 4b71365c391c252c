package org.reetrace.sim.eval;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;

import org.reetrace.core.analytics.AnalyticsSettings;
import org.reetrace.core.analytics.MirrorTradeSettings;
import org.reetrace.core.analytics.YieldBand;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.process.ProcessKind;
import org.reetrace.core.registry.CountryCode;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.sim.plant.Processing;
import org.reetrace.sim.scenario.Scenario;

/**
 * The analytics settings a regulator would hold for a scenario's chain: the same measurement model and expected
 * losses the simulator uses, quotas and capacities from the licences, and the thresholds of the checks:
 * <ul>
 * <li>CUSUM k = 1, h for 0.5 false alarms per 100 facility-years ({@link AnalyticsSettings#DEFAULT_CUSUM});</li>
 * <li>fingerprints at a 1 % false-positive rate, against the signature of the baseline months;</li>
 * <li>yield bands wide enough for honest measurement error, with separation capped at 0.995 (no real plant
 * recovers everything);</li>
 * <li>residue disposed of within 60 days; radioactive above 1 Bq/g;</li>
 * <li>export purity 0.90; mirror trade with a one-month shipping lag, 3 % plus 20 t tolerance, 12 % royalty.</li>
 * </ul>
 */
public final class SimAnalytics {

    private SimAnalytics() {
    }

    public static AnalyticsSettings settings(Scenario s) {
        Map<FacilityId, Mass> quotas = new HashMap<>();
        s.mines().forEach(m -> quotas.put(FacilityId.of(m.id()), Mass.ofMilligrams(Math.round(m.quotaTonnes() * 1e9))));
        Map<FacilityId, Mass> capacity = new HashMap<>();
        s.plants().forEach(p -> capacity.put(FacilityId.of(p.id()), Mass.ofMilligrams(Math.round(p.capacityTonnes() * 1e9))));
        Map<ProcessKind, YieldBand> yields = Map.of(
                ProcessKind.LEACHING, new YieldBand(0.70, 1.0),
                ProcessKind.CONCENTRATION, new YieldBand(0.70, 1.0),
                ProcessKind.CRACKING, new YieldBand(0.85, 1.0),
                ProcessKind.SEPARATION, new YieldBand(0.85, 0.995),
                ProcessKind.METAL_MAKING, new YieldBand(0.85, 1.0),
                ProcessKind.MAGNET_MAKING, new YieldBand(0.85, 1.0));
        return new AnalyticsSettings(s.measurement(), Processing.lossModel(s), ZoneOffset.UTC,
                AnalyticsSettings.DEFAULT_CUSUM, s.start().plusMonths(s.baselineMonths() - 1L), 0.01, quotas, capacity,
                yields, Duration.ofDays(60), 1.0, 0.90,
                new MirrorTradeSettings(CountryCode.of("MY"), BigDecimal.valueOf(s.royaltyRate()), 0.03, 20_000, 1));
    }
}
