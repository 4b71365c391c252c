package org.reetrace.sim;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.reetrace.core.process.ProcessKind;
import org.reetrace.core.registry.CountryCode;
import org.reetrace.core.registry.Facility;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.registry.FacilityKind;
import org.reetrace.core.registry.Operator;
import org.reetrace.core.registry.OperatorId;
import org.reetrace.core.registry.Registry;
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

    private void add(String id, String operator, String name, FacilityKind kind, org.reetrace.core.registry.GeoPoint at,
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

    /** Whether the scenario declares the operator state-linked (the registry helper computes it from ownership). */
    public boolean stateLinked(OperatorId id) {
        return stateLinked.getOrDefault(id, false);
    }
}
