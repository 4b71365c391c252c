package org.reetrace.sim;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.reetrace.core.composition.Mass;
import org.reetrace.core.process.ProcessKind;
import org.reetrace.core.registry.Area;
import org.reetrace.core.registry.CountryCode;
import org.reetrace.core.registry.Facility;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.registry.FacilityKind;
import org.reetrace.core.registry.GeoPoint;
import org.reetrace.core.registry.Licence;
import org.reetrace.core.registry.LicenceId;
import org.reetrace.core.registry.LicenceKind;
import org.reetrace.core.registry.Operator;
import org.reetrace.core.registry.OperatorId;
import org.reetrace.core.registry.ProcessTechnology;
import org.reetrace.core.registry.RegisteredFacility;
import org.reetrace.core.registry.Registry;
import org.reetrace.core.registry.RegistryChange;
import org.reetrace.core.registry.RegistrySnapshot;
import org.reetrace.core.registry.Shareholder;
import org.reetrace.core.registry.Shareholding;
import org.reetrace.core.registry.Validity;
import org.reetrace.core.registry.Zone;
import org.reetrace.core.registry.ZoneCode;
import org.reetrace.core.registry.ZoneKind;
import org.reetrace.sim.scenario.Box;
import org.reetrace.sim.scenario.FraudType;
import org.reetrace.sim.scenario.Scenario;

/**
 * The registry a scenario describes: its operators and facilities, each facility licensed for the processes its
 * kind runs with the technology country the scenario gives. A {@code chinese-technology-unlinked} fraud registers
 * Chinese technology at its target (the facts the rule packs check; the ledger itself does not judge them).
 */
public final class ScenarioRegistry implements Registry {

    private static final CountryCode MY = CountryCode.of("MY");
    private static final CountryCode CN = CountryCode.of("CN");

    private final Map<OperatorId, Operator> operators = new LinkedHashMap<>();
    private final Map<FacilityId, Facility> facilities = new LinkedHashMap<>();
    private final Map<OperatorId, Boolean> stateLinked = new LinkedHashMap<>();

    public ScenarioRegistry(Scenario s) {
        for (Scenario.OperatorSpec o : s.operators()) {
            operators.put(OperatorId.of(o.id()), new Operator(OperatorId.of(o.id()), o.name(), o.country()));
            stateLinked.put(OperatorId.of(o.id()), o.stateLinked());
        }
        List<String> chinese = s.frauds().stream().filter(f -> f.type() == FraudType.CHINESE_TECHNOLOGY_UNLINKED)
                .map(f -> f.target()).toList();
        for (Scenario.MineSpec m : s.mines()) {
            Map<ProcessKind, CountryCode> tech = new EnumMap<>(ProcessKind.class);
            if (m.kind() == Scenario.MineKind.ION_CLAY) {
                tech.put(ProcessKind.LEACHING, m.technology());
            }
            add(m.id(), m.operator(), m.name(), m.kind() == Scenario.MineKind.ION_CLAY
                    ? FacilityKind.IN_SITU_LEACH_MINE : FacilityKind.MINE, m.at(), tech);
        }
        for (Scenario.PlantSpec p : s.plants()) {
            CountryCode t = chinese.contains(p.id()) ? CN : p.technology();
            Map<ProcessKind, CountryCode> tech = new EnumMap<>(ProcessKind.class);
            FacilityKind kind = switch (p.kind()) {
                case CONCENTRATOR -> {
                    tech.put(ProcessKind.CONCENTRATION, t);
                    yield FacilityKind.CONCENTRATOR;
                }
                case CRACKING -> {
                    tech.put(ProcessKind.CRACKING, t);
                    yield FacilityKind.CRACKING_PLANT;
                }
                case SEPARATION -> {
                    tech.put(ProcessKind.CRACKING, t);
                    tech.put(ProcessKind.SEPARATION, t);
                    yield FacilityKind.SEPARATION_PLANT;
                }
                case METAL -> {
                    tech.put(ProcessKind.METAL_MAKING, t);
                    yield FacilityKind.METAL_PLANT;
                }
                case MAGNET -> {
                    tech.put(ProcessKind.MAGNET_MAKING, t);
                    yield FacilityKind.MAGNET_PLANT;
                }
            };
            add(p.id(), p.operator(), p.name(), kind, p.at(), tech);
        }
        for (Scenario.SiteSpec site : s.sites()) {
            add(site.id(), site.operator(), site.name(), site.kind() == Scenario.SiteKind.PORT
                    ? FacilityKind.PORT : FacilityKind.DISPOSAL_FACILITY, site.at(), Map.of());
        }
    }

    private void add(String id, String operator, String name, FacilityKind kind, GeoPoint at,
                     Map<ProcessKind, CountryCode> tech) {
        facilities.put(FacilityId.of(id), new Facility(FacilityId.of(id), OperatorId.of(operator), name, kind, MY, at, tech));
    }

    @Override
    public Optional<Facility> facility(FacilityId id) {
        return Optional.ofNullable(facilities.get(id));
    }

    @Override
    public Optional<Operator> operator(OperatorId id) {
        return Optional.ofNullable(operators.get(id));
    }

    public List<Facility> facilities() {
        return List.copyOf(facilities.values());
    }

    public List<Operator> operators() {
        return List.copyOf(operators.values());
    }

    /**
     * The registry the rule packs read: these operators (a state-linked one wholly owned by its state, so that the
     * ownership graph says what the scenario declares), facilities with their process technology, the mines'
     * leases with quotas, the ports' export permits, the disposal sites' licences and the scenario's zones as
     * permanent forest reserves.
     */
    public RegistrySnapshot snapshot(Scenario s) {
        RegistrySnapshot r = RegistrySnapshot.EMPTY;
        for (Operator o : operators.values()) {
            r = r.with(new RegistryChange.PutOperator(o));
            List<Shareholding> holders = shareholders(o.id());
            if (!holders.isEmpty()) {
                r = r.with(new RegistryChange.SetShareholders(o.id(), holders));
            }
        }
        Map<String, Double> capacity = new LinkedHashMap<>();
        s.plants().forEach(p -> capacity.put(p.id(), p.capacityTonnes()));
        s.mines().forEach(m -> capacity.put(m.id(), m.quotaTonnes()));
        for (Facility f : facilities.values()) {
            Mass annual = Mass.ofMilligrams(Math.round(capacity.getOrDefault(f.id().value(), 0.0) * 1e9));
            List<ProcessTechnology> processes = f.technology().entrySet().stream()
                    .map(t -> new ProcessTechnology(t.getKey(), "licensor in " + t.getValue(), t.getValue(), annual))
                    .toList();
            r = r.with(new RegistryChange.PutFacility(RegisteredFacility.of(f.id(), f.operator(), f.name(), f.kind(),
                    f.country(), f.location(), processes)));
        }
        for (Scenario.MineSpec m : s.mines()) {
            Box b = m.lease();
            r = r.with(new RegistryChange.PutLicence(Licence.lease(LicenceId.of("LEASE-" + m.id()),
                    OperatorId.of(m.operator()), FacilityId.of(m.id()), MY, Validity.ALWAYS, area(b),
                    Mass.ofMilligrams(Math.round(m.quotaTonnes() * 1e9)))));
        }
        for (Scenario.SiteSpec site : s.sites()) {
            boolean port = site.kind() == Scenario.SiteKind.PORT;
            r = r.with(new RegistryChange.PutLicence(Licence.permit(LicenceId.of((port ? "EXP-" : "RAD-") + site.id()),
                    port ? LicenceKind.EXPORT_PERMIT : LicenceKind.RADIOACTIVE_MATERIAL, OperatorId.of(site.operator()),
                    FacilityId.of(site.id()), MY, Validity.ALWAYS)));
        }
        for (Scenario.ZoneSpec z : s.zones()) {
            r = r.with(new RegistryChange.PutZone(new Zone(ZoneCode.of(z.id()), z.name(),
                    ZoneKind.PERMANENT_FOREST_RESERVE, area(z.area()), Validity.ALWAYS)));
        }
        return r;
    }

    private static Area area(Box b) {
        return Area.polygon(List.of(new GeoPoint(b.south(), b.west()), new GeoPoint(b.south(), b.east()),
                new GeoPoint(b.north(), b.east()), new GeoPoint(b.north(), b.west()), new GeoPoint(b.south(), b.west())));
    }

    /**
     * The operator's shareholders as the scenario gives them: a state-linked operator is wholly owned by the state
     * of Malaysia, where every scenario facility is, so that the ownership graph says what the scenario declares
     * whatever country the operator is registered in; any other operator has none recorded.
     */
    public List<Shareholding> shareholders(OperatorId id) {
        if (!stateLinked(id)) {
            return List.of();
        }
        return List.of(new Shareholding(id, new Shareholder.State(MY, "state of " + MY), BigDecimal.valueOf(100)));
    }

    /** Whether the scenario declares the operator state-linked (snapshot() turns that into ownership, from which the rules compute it). */
    public boolean stateLinked(OperatorId id) {
        return stateLinked.getOrDefault(id, false);
    }
}
