package org.reetrace.core.lot;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

import org.reetrace.core.composition.Composition;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.pedigree.Pedigree;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.core.registry.OperatorId;

/**
 * A quantity of one material form at one facility in one custody. The composition never weighs more than the
 * lot, and the pedigree always adds up to the composition; the constructor refuses anything else.
 *
 * @param destination where the lot is headed while {@link LotStatus#IN_TRANSIT}, else null
 * @param activity    the last assayed specific activity in Bq/g, or null if never assayed
 */
public record Lot(LotId id, MaterialForm form, Mass mass, Composition composition, FacilityId facility,
                  OperatorId holder, LotStatus status, Pedigree pedigree, FacilityId destination,
                  BigDecimal activity) {

    public Lot {
        Objects.requireNonNull(id, "lot id");
        Objects.requireNonNull(form, "lot form");
        Objects.requireNonNull(mass, "lot mass");
        Objects.requireNonNull(composition, "lot composition");
        Objects.requireNonNull(facility, "lot facility");
        Objects.requireNonNull(holder, "lot holder");
        Objects.requireNonNull(status, "lot status");
        Objects.requireNonNull(pedigree, "lot pedigree");
        if (composition.totalMg() > mass.mg()) {
            throw new IllegalArgumentException("lot " + id + ": elements weigh " + composition.totalMg()
                    + " mg, more than the lot's " + mass.mg() + " mg");
        }
        if (!pedigree.total().equals(composition)) {
            throw new IllegalArgumentException("lot " + id + ": pedigree " + pedigree.total()
                    + " does not add up to composition " + composition);
        }
        if ((status == LotStatus.IN_TRANSIT) != (destination != null)) {
            throw new IllegalArgumentException("lot " + id + ": a destination goes with IN_TRANSIT and only with it");
        }
    }

    public Optional<FacilityId> headingTo() {
        return Optional.ofNullable(destination);
    }

    public Optional<BigDecimal> lastActivity() {
        return Optional.ofNullable(activity);
    }

    public Lot withContent(Mass newMass, Composition newComposition, Pedigree newPedigree) {
        return new Lot(id, form, newMass, newComposition, facility, holder, status, newPedigree, destination, activity);
    }

    public Lot withStatus(LotStatus newStatus) {
        return new Lot(id, form, mass, composition, facility, holder, newStatus, pedigree, null, activity);
    }

    public Lot inTransitTo(FacilityId to) {
        return new Lot(id, form, mass, composition, facility, holder, LotStatus.IN_TRANSIT, pedigree, to, activity);
    }

    public Lot receivedAt(FacilityId at, OperatorId newHolder) {
        return new Lot(id, form, mass, composition, at, newHolder, LotStatus.ACTIVE, pedigree, null, activity);
    }

    /** The lot as it is once the event that created it is reversed: still known by its id, holding nothing. */
    public Lot voided() {
        return new Lot(id, form, Mass.ZERO, Composition.ZERO, facility, holder, LotStatus.VOID, Pedigree.EMPTY, null,
                null);
    }

    public Lot withActivity(BigDecimal bqPerGram) {
        return new Lot(id, form, mass, composition, facility, holder, status, pedigree, destination, bqPerGram);
    }
}
