package org.reetrace.core.registry;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.reetrace.core.process.ProcessKind;

/**
 * The registry as it stands at one instant: operators, facilities with their processes, the ownership graph,
 * licences, zones and technology agreements. Immutable; {@link #with(RegistryChange)} returns a new snapshot or
 * refuses the change with the reason, leaving this one as it was. Time-bounded things (licences, zones,
 * agreements) keep their validity, so queries take the instant they ask about.
 */
public final class RegistrySnapshot implements Registry {

    /** Majority control: the usual test for a government-linked company; a registry setting, see {@link RegistryChange.SetStateLinkThreshold}. */
    public static final BigDecimal DEFAULT_STATE_LINK_THRESHOLD = BigDecimal.valueOf(50);

    public static final RegistrySnapshot EMPTY = new RegistrySnapshot(Map.of(), Map.of(), OwnershipGraph.EMPTY,
            Map.of(), Map.of(), Map.of(), DEFAULT_STATE_LINK_THRESHOLD);

    private final Map<OperatorId, Operator> operators;
    private final Map<FacilityId, RegisteredFacility> facilities;
    private final OwnershipGraph ownership;
    private final Map<LicenceId, List<Licence>> licences;
    private final Map<ZoneCode, Zone> zones;
    private final Map<String, TechnologyAgreement> agreements;
    private final BigDecimal stateLinkThreshold;

    private RegistrySnapshot(Map<OperatorId, Operator> operators, Map<FacilityId, RegisteredFacility> facilities,
                             OwnershipGraph ownership, Map<LicenceId, List<Licence>> licences, Map<ZoneCode, Zone> zones,
                             Map<String, TechnologyAgreement> agreements, BigDecimal stateLinkThreshold) {
        this.operators = operators;
        this.facilities = facilities;
        this.ownership = ownership;
        this.licences = licences;
        this.zones = zones;
        this.agreements = agreements;
        this.stateLinkThreshold = stateLinkThreshold;
    }

    /** This registry with one more change. @throws IllegalArgumentException saying why the change is refused */
    public RegistrySnapshot with(RegistryChange change) {
        return switch (change) {
            case RegistryChange.PutOperator p -> copy(put(operators, p.operator().id(), p.operator()), facilities,
                    ownership, licences, zones, agreements, stateLinkThreshold);
            case RegistryChange.PutFacility p -> {
                Facility f = p.facility().facility();
                requireOperator(f.operator(), "facility " + f.id());
                yield copy(operators, put(facilities, f.id(), p.facility()), ownership, licences, zones, agreements,
                        stateLinkThreshold);
            }
            case RegistryChange.SetShareholders s -> {
                requireOperator(s.company(), "shareholders of " + s.company());
                for (Shareholding h : s.holdings()) {
                    if (h.holder() instanceof Shareholder.Company c) {
                        requireOperator(c.id(), "shareholder of " + s.company());
                    }
                }
                yield copy(operators, facilities, ownership.withHolders(s.company(), s.holdings()), licences, zones,
                        agreements, stateLinkThreshold);
            }
            case RegistryChange.PutLicence p -> withLicence(p.licence());
            case RegistryChange.PutZone p -> copy(operators, facilities, ownership, licences,
                    put(zones, p.zone().code(), p.zone()), agreements, stateLinkThreshold);
            case RegistryChange.PutAgreement p -> {
                requireOperator(p.agreement().recipient(), "technology agreement " + p.agreement().id());
                yield copy(operators, facilities, ownership, licences, zones,
                        put(agreements, p.agreement().id(), p.agreement()), stateLinkThreshold);
            }
            case RegistryChange.SetStateLinkThreshold t -> copy(operators, facilities, ownership, licences, zones,
                    agreements, t.percent());
        };
    }

    private RegistrySnapshot withLicence(Licence l) {
        requireOperator(l.holder(), "licence " + l.id());
        if (l.facility() != null && !facilities.containsKey(l.facility())) {
            throw new IllegalArgumentException("licence " + l.id() + " names facility " + l.facility()
                    + ", which is not in the registry");
        }
        List<Licence> terms = new ArrayList<>(licences.getOrDefault(l.id(), List.of()));
        terms.removeIf(t -> t.validity().from().equals(l.validity().from())); // an amendment of that term
        for (Licence t : terms) {
            if (t.kind() != l.kind() || !t.holder().equals(l.holder())) {
                throw new IllegalArgumentException("licence " + l.id() + " is already a " + t.kind() + " held by "
                        + t.holder() + "; a licence number names one kind of licence of one holder");
            }
            if (t.validity().overlaps(l.validity())) {
                throw new IllegalArgumentException("licence " + l.id() + ": the term " + l.validity()
                        + " overlaps the registered term " + t.validity());
            }
        }
        terms.add(l);
        terms.sort((a, b) -> a.validity().from().compareTo(b.validity().from()));
        return copy(operators, facilities, ownership, put(licences, l.id(), List.copyOf(terms)), zones, agreements,
                stateLinkThreshold);
    }

    private void requireOperator(OperatorId id, String what) {
        if (!operators.containsKey(id)) {
            throw new IllegalArgumentException(what + ": operator " + id + " is not in the registry");
        }
    }

    private static <K, V> Map<K, V> put(Map<K, V> m, K k, V v) {
        Map<K, V> c = new LinkedHashMap<>(m);
        c.put(k, v);
        return Collections.unmodifiableMap(c);
    }

    private static RegistrySnapshot copy(Map<OperatorId, Operator> o, Map<FacilityId, RegisteredFacility> f,
                                         OwnershipGraph g, Map<LicenceId, List<Licence>> l, Map<ZoneCode, Zone> z,
                                         Map<String, TechnologyAgreement> a, BigDecimal t) {
        return new RegistrySnapshot(o, f, g, l, z, a, t);
    }

    // ---- Registry

    @Override
    public Optional<Facility> facility(FacilityId id) {
        RegisteredFacility f = facilities.get(id);
        return f == null ? Optional.empty() : Optional.of(f.facility());
    }

    @Override
    public Optional<Operator> operator(OperatorId id) {
        return Optional.ofNullable(operators.get(id));
    }

    // ---- queries

    public Optional<RegisteredFacility> registeredFacility(FacilityId id) {
        return Optional.ofNullable(facilities.get(id));
    }

    public Collection<Operator> operators() {
        return operators.values();
    }

    public Collection<RegisteredFacility> facilities() {
        return facilities.values();
    }

    public OwnershipGraph ownership() {
        return ownership;
    }

    public BigDecimal stateLinkThreshold() {
        return stateLinkThreshold;
    }

    /** State link to the state of the operator's own country, against the registry's threshold. */
    public StateLink stateLink(OperatorId operator) {
        Operator o = operators.get(operator);
        if (o == null) {
            throw new IllegalArgumentException("operator " + operator + " is not in the registry");
        }
        return stateLink(operator, o.country());
    }

    public StateLink stateLink(OperatorId operator, CountryCode state) {
        return ownership.stateLink(operator, state, stateLinkThreshold);
    }

    /** Every term of every licence. */
    public List<Licence> licences() {
        List<Licence> all = new ArrayList<>();
        licences.values().forEach(all::addAll);
        return all;
    }

    /** The term of a licence valid at {@code at}, if any. */
    public Optional<Licence> licence(LicenceId id, Instant at) {
        return licences.getOrDefault(id, List.of()).stream().filter(l -> l.validAt(at)).findFirst();
    }

    /** Licences of a kind that an operator holds, valid at {@code at}. */
    public List<Licence> validLicences(OperatorId holder, LicenceKind kind, Instant at) {
        List<Licence> out = new ArrayList<>();
        for (List<Licence> terms : licences.values()) {
            for (Licence l : terms) {
                if (l.kind() == kind && l.holder().equals(holder) && l.validAt(at)) {
                    out.add(l);
                }
            }
        }
        return out;
    }

    /** Valid mining leases of a mine whose area holds the point. */
    public List<Licence> leasesCovering(FacilityId mine, GeoPoint point, Instant at) {
        List<Licence> out = new ArrayList<>();
        for (List<Licence> terms : licences.values()) {
            for (Licence l : terms) {
                if (l.kind() == LicenceKind.MINING_LEASE && mine.equals(l.facility()) && l.validAt(at)
                        && l.area().contains(point)) {
                    out.add(l);
                }
            }
        }
        return out;
    }

    public Collection<Zone> zones() {
        return zones.values();
    }

    /** Zones in force at {@code at} that cover the point. */
    public List<Zone> zonesCovering(GeoPoint point, Instant at) {
        List<Zone> out = new ArrayList<>();
        for (Zone z : zones.values()) {
            if (z.covers(point, at)) {
                out.add(z);
            }
        }
        return out;
    }

    public Collection<TechnologyAgreement> agreements() {
        return agreements.values();
    }

    public List<TechnologyAgreement> agreements(OperatorId recipient, Instant at) {
        return agreements.values().stream().filter(a -> a.recipient().equals(recipient) && a.validity().contains(at))
                .toList();
    }

    /**
     * A disposal facility licensed for radioactive waste at {@code at}: kind DISPOSAL_FACILITY and a valid
     * RADIOACTIVE_MATERIAL licence for that site (Act 304 Part VI, s.26-31; MY-RAD-01).
     */
    public boolean licensedDisposal(FacilityId id, Instant at) {
        RegisteredFacility f = facilities.get(id);
        if (f == null || f.facility().kind() != FacilityKind.DISPOSAL_FACILITY) {
            return false;
        }
        return validLicences(f.facility().operator(), LicenceKind.RADIOACTIVE_MATERIAL, at).stream()
                .anyMatch(l -> id.equals(l.facility()));
    }

    /** Country of the technology a facility uses for a process (its own country when none is registered). */
    public Optional<CountryCode> technologyOrigin(FacilityId id, ProcessKind process) {
        return facility(id).map(f -> f.technologyOrigin(process));
    }
}
