package org.reetrace.app.demo;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.reetrace.app.ledger.BookEvents;
import org.reetrace.app.ledger.Outcome;
import org.reetrace.app.registry.ChangeRegistry;
import org.reetrace.app.registry.ReadRegistry;
import org.reetrace.app.security.Caller;
import org.reetrace.app.security.Role;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.event.LedgerEvent;
import org.reetrace.core.registry.Area;
import org.reetrace.core.registry.CountryCode;
import org.reetrace.core.registry.Facility;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.registry.GeoPoint;
import org.reetrace.core.registry.Licence;
import org.reetrace.core.registry.LicenceId;
import org.reetrace.core.registry.LicenceKind;
import org.reetrace.core.registry.Operator;
import org.reetrace.core.registry.RegisteredFacility;
import org.reetrace.core.registry.RegistryChange;
import org.reetrace.core.registry.RegistrySnapshot;
import org.reetrace.core.registry.Shareholding;
import org.reetrace.core.registry.Validity;
import org.reetrace.sim.ScenarioRegistry;
import org.reetrace.sim.Simulation;
import org.reetrace.sim.SimulationResult;
import org.reetrace.sim.scenario.Box;
import org.reetrace.sim.scenario.Scenario;
import org.springframework.stereotype.Component;

/**
 * Books a simulated national chain through the single writer, as any operator's events would be: first the
 * scenario's operators (with the shareholders the scenario gives them), facilities, mining leases (with their
 * quotas), the ports' export permits (numbered {@code EXP-<port>}, as the simulator declares them) and the disposal
 * facilities' radioactive-material licences go into the registry where they are not there yet, then the
 * simulator's events in batches. Event and lot ids carry a prefix so that several runs share a ledger.
 */
@Component
public class SimulatedChain {

    /** What was booked: the run, how many events were booked, already there (replays) or refused, the first refusal. */
    public record Booked(SimulationResult result, int registered, int booked, int replayed, int refused,
                         String firstRefusal, java.util.Map<String, Integer> refusedBy) {
    }

    static final String AUTHOR = "simulator";
    private static final int BATCH = 500;

    /** The simulator records its scenario's registry as the regulator would. */
    private static final Caller REGULATOR = Caller.of(AUTHOR, Role.REGULATOR);

    private final ReadRegistry read;
    private final ChangeRegistry change;
    private final BookEvents bookEvents;
    private java.util.Map<String, Integer> refusedBy;
    private Set<String> refused;

    public SimulatedChain(ReadRegistry read, ChangeRegistry change, BookEvents bookEvents) {
        this.read = read;
        this.change = change;
        this.bookEvents = bookEvents;
    }

    public synchronized Booked book(Scenario scenario, long seed, String idPrefix) {
        int registered = register(scenario);
        List<LedgerEvent> batch = new ArrayList<>();
        int[] counts = new int[3];
        String[] first = {null};
        refusedBy = new java.util.TreeMap<>();
        refused = new HashSet<>();
        SimulationResult result = Simulation.run(scenario, seed, event -> {
            batch.add(event);
            if (batch.size() >= BATCH) {
                flush(batch, counts, first);
            }
        }, idPrefix);
        flush(batch, counts, first);
        return new Booked(result.withoutExports(refused), registered, counts[0], counts[1], counts[2], first[0],
                refusedBy);
    }

    /**
     * Submits a batch; the writer books a submission all or nothing, so an event the ledger or a BLOCK rule refuses
     * is taken out and the rest submitted again. A refused export (e.g. of a mixed compound declared as separated)
     * did not leave the country: it drops out of the partners' statistics ({@link SimulationResult#withoutExports}).
     */
    private void flush(List<LedgerEvent> batch, int[] counts, String[] first) {
        List<LedgerEvent> pending = new ArrayList<>(batch);
        batch.clear();
        while (!pending.isEmpty()) {
            List<Outcome> outcomes = bookEvents.bookAsSystem(pending);
            int failed = -1;
            for (int i = 0; i < outcomes.size() && failed < 0; i++) {
                if (outcomes.get(i) instanceof Outcome.Refused || outcomes.get(i) instanceof Outcome.Conflict) {
                    failed = i;
                }
            }
            if (failed < 0) {
                for (Outcome o : outcomes) {
                    counts[o instanceof Outcome.Booked b && b.replay() ? 1 : 0]++;
                }
                return;
            }
            counts[2]++;
            refused.add(pending.get(failed).id().value());
            refusedBy.merge(outcomes.get(failed) instanceof Outcome.Refused r
                    ? r.blockingRule().map(f -> f.ruleId()).orElse(r.reason().code()) : "id conflict", 1, Integer::sum);
            if (first[0] == null) {
                first[0] = describe(outcomes.get(failed));
            }
            pending.remove(failed);
        }
    }

    private static String describe(Outcome o) {
        return switch (o) {
            case Outcome.Refused r -> r.eventId() + " refused: " + r.blockingRule().map(f -> f.ruleId() + " ").orElse("")
                    + r.reason().message();
            default -> o.toString();
        };
    }

    /** Registers what the scenario needs and the registry lacks, all at once; answers how many records were added. */
    public int register(Scenario scenario) {
        ScenarioRegistry sr = new ScenarioRegistry(scenario);
        RegistrySnapshot now = read.asOf(REGULATOR, null).registry();
        Instant today = Instant.now();
        List<ChangeRegistry.Dated> changes = new ArrayList<>();
        Map<FacilityId, Facility> facilities = new HashMap<>();
        for (Operator o : sr.operators()) {
            if (now.operator(o.id()).isEmpty()) {
                changes.add(new ChangeRegistry.Dated(new RegistryChange.PutOperator(o), Instant.MIN));
            }
            List<Shareholding> holders = sr.shareholders(o.id());
            if (!holders.isEmpty() && now.ownership().holdersOf(o.id()).isEmpty()) {
                changes.add(new ChangeRegistry.Dated(new RegistryChange.SetShareholders(o.id(), holders), Instant.MIN));
            }
        }
        for (Facility f : sr.facilities()) {
            facilities.put(f.id(), now.facility(f.id()).orElse(f));
            if (now.facility(f.id()).isEmpty()) {
                changes.add(new ChangeRegistry.Dated(new RegistryChange.PutFacility(RegisteredFacility.of(f)), Instant.MIN));
            }
        }
        for (Scenario.MineSpec m : scenario.mines()) {
            LicenceId id = LicenceId.of("SIM-LEASE-" + m.id());
            if (now.licence(id, today).isEmpty()) {
                Box b = m.lease();
                Area area = Area.polygon(List.of(new GeoPoint(b.south(), b.west()), new GeoPoint(b.south(), b.east()),
                        new GeoPoint(b.north(), b.east()), new GeoPoint(b.north(), b.west()),
                        new GeoPoint(b.south(), b.west())));
                changes.add(new ChangeRegistry.Dated(new RegistryChange.PutLicence(Licence.lease(id,
                        facilities.get(FacilityId.of(m.id())).operator(), FacilityId.of(m.id()),
                        CountryCode.of("MY"), Validity.ALWAYS, area,
                        Mass.ofMilligrams(Math.round(m.quotaTonnes() * 1e9)))), Instant.MIN));
            }
        }
        for (Scenario.SiteSpec site : scenario.sites()) {
            boolean port = site.kind() == Scenario.SiteKind.PORT;
            LicenceId id = LicenceId.of(port ? "EXP-" + site.id() : "SIM-RAD-" + site.id());
            if (now.licence(id, today).isEmpty()) {
                changes.add(new ChangeRegistry.Dated(new RegistryChange.PutLicence(Licence.permit(id,
                        port ? LicenceKind.EXPORT_PERMIT : LicenceKind.RADIOACTIVE_MATERIAL,
                        facilities.get(FacilityId.of(site.id())).operator(), FacilityId.of(site.id()),
                        CountryCode.of("MY"), Validity.ALWAYS)), Instant.MIN));
            }
        }
        if (!changes.isEmpty()) {
            change.record(REGULATOR, changes);
        }
        return changes.size();
    }
}
