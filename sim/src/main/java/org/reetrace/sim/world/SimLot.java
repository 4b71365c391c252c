package org.reetrace.sim.world;

import org.reetrace.core.composition.Composition;
import org.reetrace.core.composition.Mass;
import org.reetrace.core.element.Element;
import org.reetrace.core.lot.LotId;
import org.reetrace.core.registry.FacilityId;
import org.reetrace.sim.scenario.Product;

/**
 * A lot as the simulator knows it: both the truth (mass and element masses in mg, as doubles) and the books (what
 * the measurements put in the ledger, exactly as the ledger holds it). Fraud lives in the difference between the
 * two. {@code xenotimeHosted} is the part of the true elements carried by xenotime, for amang ore only.
 */
public final class SimLot {

    public final LotId id;
    public final Product product;
    public FacilityId at;
    public long bookedMass;
    public Composition booked;
    public double trueMass;
    public final double[] trueMg;
    public final double[] xenotimeHosted;

    SimLot(LotId id, Product product, FacilityId at, long bookedMass, Composition booked, double trueMass,
           double[] trueMg, double[] xenotimeHosted) {
        this.id = id;
        this.product = product;
        this.at = at;
        this.bookedMass = bookedMass;
        this.booked = booked;
        this.trueMass = trueMass;
        this.trueMg = trueMg;
        this.xenotimeHosted = xenotimeHosted;
    }

    public Mass mass() {
        return Mass.ofMilligrams(bookedMass);
    }

    /** True rare-earth mass in mg (Th and U excluded). */
    public double trueRareEarthMg() {
        double s = 0;
        for (Element e : Element.values()) {
            if (e.isRareEarth()) {
                s += trueMg[e.ordinal()];
            }
        }
        return s;
    }
}
