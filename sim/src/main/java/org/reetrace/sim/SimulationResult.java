package org.reetrace.sim;

import java.util.List;
import java.util.Set;

import org.reetrace.core.analytics.PartnerImport;
import org.reetrace.sim.fraud.GroundTruth;
import org.reetrace.sim.scenario.Scenario;
import org.reetrace.sim.trade.PartnerStatistics;

/**
 * What a run produced besides its events: how many, the ground truth of the frauds, and the arrivals partner
 * countries recorded, each with the export event it left under.
 */
public record SimulationResult(Scenario scenario, long seed, long events, List<GroundTruth> groundTruth,
                               List<PartnerStatistics.Arrival> arrivals) {

    public SimulationResult {
        groundTruth = List.copyOf(groundTruth);
        arrivals = List.copyOf(arrivals);
    }

    /** The partners' import statistics: what arrived, summed by reporter, HS6 and month. */
    public List<PartnerImport> partnerImports() {
        return PartnerStatistics.rows(arrivals);
    }

    /**
     * This run as booked where the ledger refused the events {@code refused}: an export it refused did not leave
     * the country, so no partner recorded it. Smuggled goods, declared nowhere, stay.
     */
    public SimulationResult withoutExports(Set<String> refused) {
        if (refused.isEmpty()) {
            return this;
        }
        return new SimulationResult(scenario, seed, events, groundTruth,
                arrivals.stream().filter(a -> a.export() == null || !refused.contains(a.export())).toList());
    }
}
