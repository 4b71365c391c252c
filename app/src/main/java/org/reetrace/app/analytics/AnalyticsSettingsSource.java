package org.reetrace.app.analytics;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import org.reetrace.app.registry.StoredRegistry;
import org.reetrace.core.analytics.AnalyticsSettings;
import org.reetrace.core.analytics.DetectionSettings;
import org.reetrace.core.analytics.LossExpectation;
import org.reetrace.core.analytics.LossModel;
import org.reetrace.core.analytics.OriginSettings;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.process.ProcessKind;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.registry.Licence;
import org.reetrace.sim.eval.SimAnalytics;
import org.reetrace.sim.scenario.Scenario;

/**
 * The analytics settings of the running application. Defaults are those of the simulator's evaluation for the
 * Malaysia scenario ({@link SimAnalytics#settings}): its measurement model (relative standard deviations per
 * material form), the expected unmeasured loss of each of its facilities, CUSUM k = 1 with h for 0.5 false alarms
 * per 100 facility-years, fingerprints at 1 % false positives, the yield bands, residue disposed of within 60 days
 * above 1 Bq/g, export purity 0.90 and mirror trade with a one-month lag, 3 % + 20 t tolerance and 12 % royalty.
 * A facility the scenario does not know is expected to lose, per process, the mean of the scenario's facilities
 * running that process. On top: annual ore quotas from the mining leases in the registry (the largest valid term
 * per mine) and capacities from configuration. Read once, when the analytics start.
 */
final class AnalyticsSettingsSource {

    private AnalyticsSettingsSource() {
    }

    static AnalyticsSettings settings(StoredRegistry registry, AnalyticsProperties properties) {
        Scenario malaysia = Scenario.malaysia();
        AnalyticsSettings base = SimAnalytics.settings(malaysia);
        Map<FacilityId, Mass> quotas = new HashMap<>(base.annualOreQuota());
        for (Licence l : registry.latest().licences()) {
            if (l.site().isPresent() && l.quota().isPresent()) {
                quotas.merge(l.site().get(), l.quota().get(), (a, b) -> a.mg() >= b.mg() ? a : b);
            }
        }
        Map<FacilityId, Mass> capacity = new HashMap<>(base.annualCapacity());
        properties.capacityTonnes().forEach((id, t) ->
                capacity.put(FacilityId.of(id), Mass.ofMilligrams(Math.round(t * 1e9))));
        return new AnalyticsSettings(base.measurement(), withProcessDefaults(base.losses()), base.offset(),
                base.cusum(), properties.fingerprintBaselineEnd(), base.fingerprintFalsePositiveRate(), quotas, capacity,
                base.yieldBands(), base.residueDeadline(), base.residueActivityLimit(), base.exportMinPurity(),
                base.mirrorTrade(), base.transitTime(), new OriginSettings(
                        base.origin().blendFalsePositiveRate(), properties.roundTripWindow(),
                        base.origin().roundTripMatchLevel()), new DetectionSettings(base.detection().alarmsPerYear(),
                        base.detection().targetRate(), properties.detectionGoalPercent() / 100,
                        base.detection().goalBalances(), base.detection().detectionProbability()));
    }

    /** The facilities' own figures, and per process the mean of them for facilities without one. */
    private static LossModel withProcessDefaults(LossModel losses) {
        Map<ProcessKind, double[]> sums = new EnumMap<>(ProcessKind.class);
        losses.byFacility().values().forEach(byProcess -> byProcess.forEach((process, e) -> {
            double[] s = sums.computeIfAbsent(process, p -> new double[3]);
            s[0] += e.rate();
            s[1] += e.rateSd();
            s[2]++;
        }));
        Map<ProcessKind, LossExpectation> defaults = new EnumMap<>(ProcessKind.class);
        sums.forEach((p, s) -> defaults.put(p, new LossExpectation(s[0] / s[2], s[1] / s[2])));
        defaults.putAll(losses.byProcess());
        return new LossModel(losses.byFacility(), defaults);
    }
}
