package org.reetrace.core.registry;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

import org.reetrace.core.composition.Mass;

/**
 * One term of a licence held by an operator, for a facility (null for permits that are not tied to one site,
 * such as an export permit). A renewal is a new term under the same id whose validity must not overlap an
 * earlier term's. Mining leases carry their area and, where the state sets one, the quota of ore per calendar year.
 */
public record Licence(LicenceId id, LicenceKind kind, OperatorId holder, FacilityId facility, CountryCode issuer,
                      Validity validity, Area area, Mass annualQuota) {

    public Licence {
        Objects.requireNonNull(id, "licence id");
        Objects.requireNonNull(kind, "licence kind");
        Objects.requireNonNull(holder, "licence holder");
        Objects.requireNonNull(issuer, "licence issuer");
        Objects.requireNonNull(validity, "licence validity");
        if (kind == LicenceKind.MINING_LEASE && (area == null || facility == null)) {
            throw new IllegalArgumentException("mining lease " + id + " needs its facility and its area polygon");
        }
        if (kind != LicenceKind.MINING_LEASE && (area != null || annualQuota != null)) {
            throw new IllegalArgumentException("licence " + id + " is a " + kind + "; only a MINING_LEASE has an area and a quota");
        }
    }

    public static Licence lease(LicenceId id, OperatorId holder, FacilityId mine, CountryCode issuer, Validity validity,
                                Area area, Mass annualQuota) {
        return new Licence(id, LicenceKind.MINING_LEASE, holder, mine, issuer, validity, area, annualQuota);
    }

    public static Licence permit(LicenceId id, LicenceKind kind, OperatorId holder, FacilityId facility,
                                 CountryCode issuer, Validity validity) {
        return new Licence(id, kind, holder, facility, issuer, validity, null, null);
    }

    public boolean validAt(Instant t) {
        return validity.contains(t);
    }

    public Optional<Area> leaseArea() {
        return Optional.ofNullable(area);
    }

    public Optional<Mass> quota() {
        return Optional.ofNullable(annualQuota);
    }

    public Optional<FacilityId> site() {
        return Optional.ofNullable(facility);
    }
}
