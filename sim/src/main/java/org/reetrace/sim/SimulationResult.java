package org.reetrace.sim;

import java.util.List;

import org.reetrace.core.analytics.PartnerImport;
import org.reetrace.sim.fraud.GroundTruth;
import org.reetrace.sim.scenario.Scenario;

/** What a run produced besides its events: how many, the ground truth of the frauds, and partner statistics. */
public record SimulationResult(Scenario scenario, long seed, long events, List<GroundTruth> groundTruth,
                               List<PartnerImport> partnerImports) {

    public SimulationResult {
        groundTruth = List.copyOf(groundTruth);
        partnerImports = List.copyOf(partnerImports);
    }
}
