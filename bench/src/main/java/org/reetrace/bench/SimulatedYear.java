package org.reetrace.bench;

import java.util.ArrayList;
import java.util.List;

import org.reetrace.core.event.LedgerEvent;
import org.reetrace.core.ledger.Ledger;
import org.reetrace.core.lot.Lot;
import org.reetrace.sim.LedgerSink;
import org.reetrace.sim.ScenarioRegistry;
import org.reetrace.sim.Simulation;
import org.reetrace.sim.scenario.Scenario;

/**
 * The benchmarks' shared data: one simulated year of the Malaysia scenario without frauds (seed 1, scale 1), its events
 * in order and the in-memory ledger after them, so that every benchmark works on realistic lots, compositions and
 * pedigrees.
 */
public final class SimulatedYear {

    public final Scenario scenario = Scenario.malaysia().clean().withMonths(12);
    public final ScenarioRegistry registry = new ScenarioRegistry(scenario);
    public final List<LedgerEvent> events = new ArrayList<>();
    public final Ledger ledger;

    public SimulatedYear() {
        LedgerSink sink = new LedgerSink(registry);
        Simulation.run(scenario, 1, e -> {
            events.add(e);
            sink.accept(e);
        });
        ledger = sink.ledger();
    }

    /** The lots with the most pedigree parts first: the costly ones. */
    public List<Lot> lotsByPedigreeSize(int n) {
        return ledger.lots().stream()
                .sorted((a, b) -> Integer.compare(b.pedigree().parts().size(), a.pedigree().parts().size()))
                .limit(n).toList();
    }
}
