package org.reetrace.sim;

import java.util.List;

import org.reetrace.sim.disposal.DisposalActor;
import org.reetrace.sim.mine.MineActor;
import org.reetrace.sim.plant.PlantActor;
import org.reetrace.sim.port.PortActor;
import org.reetrace.sim.scenario.Scenario;
import org.reetrace.sim.smuggler.Smuggler;
import org.reetrace.sim.world.World;

/**
 * The simulator's one entry point: runs a scenario for a seed and writes its events, in order, to a sink. The
 * same scenario and seed always give the same events, byte for byte. Give the sink a {@link LedgerSink} over
 * {@link ScenarioRegistry} to book them (and pass the entries to the analytics), or {@link EventLines} to write
 * them; memory stays bounded by the lots in process, not by the length of the run.
 *
 * <p>Each month runs in a fixed order of days: mines extract (day 1), ISL mines leach (5) and ship (6), the
 * concentrator processes and ships (8), cracking plants crack and ship (10), separation plants crack, separate and ship (11), residue is disposed of
 * (14), metal (16) and magnet plants (19) process and ship, ports export (24) and smugglers smuggle.
 */
public final class Simulation {

    private Simulation() {
    }

    public static SimulationResult run(Scenario scenario, long seed, EventSink sink) {
        return run(scenario, seed, sink, "");
    }

    /** A run whose event and lot ids all start with {@code idPrefix} (e.g. {@code sim7-}): unique in a shared ledger. */
    public static SimulationResult run(Scenario scenario, long seed, EventSink sink, String idPrefix) {
        World w = new World(scenario, seed, sink, idPrefix);
        List<MineActor> mines = scenario.mines().stream().map(m -> new MineActor(scenario, m)).toList();
        List<PlantActor> plants = scenario.plants().stream().map(PlantActor::new).toList();
        List<PortActor> ports = scenario.sites().stream().filter(s -> s.kind() == Scenario.SiteKind.PORT)
                .map(PortActor::new).toList();
        List<DisposalActor> disposals = scenario.sites().stream().filter(s -> s.kind() == Scenario.SiteKind.DISPOSAL)
                .map(DisposalActor::new).toList();
        Smuggler smuggler = new Smuggler();
        for (int m = 0; m < scenario.months(); m++) {
            w.beginMonth(scenario.start().plusMonths(m), m);
            w.day(1);
            mines.forEach(a -> a.extract(w));
            w.day(5);
            mines.forEach(a -> a.leach(w));
            w.day(6);
            mines.forEach(a -> a.ship(w));
            w.day(8);
            plants(plants, Scenario.PlantKind.CONCENTRATOR, w);
            w.day(10);
            plants(plants, Scenario.PlantKind.CRACKING, w);
            w.day(11);
            plants(plants, Scenario.PlantKind.SEPARATION, w);
            w.day(14);
            disposals.forEach(a -> a.dispose(w));
            w.day(16);
            plants(plants, Scenario.PlantKind.METAL, w);
            w.day(19);
            plants(plants, Scenario.PlantKind.MAGNET, w);
            w.day(24);
            ports.forEach(a -> a.export(w));
            smuggler.smuggle(w);
        }
        return new SimulationResult(scenario, seed, w.events(), w.groundTruth(), w.partner().arrivals());
    }

    private static void plants(List<PlantActor> plants, Scenario.PlantKind kind, World w) {
        for (PlantActor p : plants) {
            if (p.kind() == kind) {
                p.operate(w);
            }
        }
    }
}
